package com.servicecoach.settings;

import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the targets per case type come to, for the settings page: the targets of every channel and category at
 * priority normal, and of every priority and channel for category other. Each cell is what
 * {@link ScoringSettings#targets(Channel, Category, Priority)} resolves, so the page shows the precedence the
 * figures use.
 *
 * @param byCategory rows per channel, a cell per category ({@link Category#CODES}), at priority normal
 * @param byPriority rows per priority ({@link Priority#CODES}), a cell per channel, for category other
 *                   (public, as its rows, cells and targets, for the page's template)
 */
public record CaseTargetTables(List<Row> byCategory, List<Row> byPriority) {

    /** A row: its code (a channel or a priority) and its cells, in the order of the columns. */
    public record Row(String code, List<Cell> cells) {
    }

    /** A cell: its column's code and both targets of its case type. */
    public record Cell(String column, Target firstResponse, Target resolution) {
    }

    /**
     * One resolved target: its seconds and, when a rule gave it rather than the channel's own target, that rule's
     * kind ({@link CaseTargets.Source} in lower case, e.g. {@code channel_category}); null for the channel's own.
     */
    public record Target(long seconds, @Nullable String rule) {

        static Target of(CaseTargets.Resolved r) {
            return new Target(r.seconds(), r.source() == CaseTargets.Source.CHANNEL ? null : r.source().name().toLowerCase(Locale.ROOT));
        }

        /** Whether a rule, not the channel's own target, gave it. */
        public boolean fromRule() {
            return rule != null;
        }
    }

    static CaseTargetTables of(ScoringSettings settings) {
        List<Row> byCategory = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<Cell> cells = new ArrayList<>();
            for (Category category : Category.values()) {
                cells.add(cell(category.code(), settings.targets(channel, category, Priority.NORMAL)));
            }
            byCategory.add(new Row(channel.code(), cells));
        }
        List<Row> byPriority = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            List<Cell> cells = new ArrayList<>();
            for (Channel channel : Channel.values()) {
                cells.add(cell(channel.code(), settings.targets(channel, Category.OTHER, priority)));
            }
            byPriority.add(new Row(priority.code(), cells));
        }
        return new CaseTargetTables(byCategory, byPriority);
    }

    private static Cell cell(String column, CaseTargets.Applied applied) {
        return new Cell(column, Target.of(applied.firstResponse()), Target.of(applied.resolution()));
    }
}
