package com.servicecoach.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Draws an attempt's questions from a bank. Plain Java.
 *
 * <p>When fewer questions are wanted than the bank holds, they are spread over the bank's categories:
 * each category's questions are shuffled, and questions are taken from the categories in turn (larger
 * categories first, equal ones in random order) until enough are drawn, so the categories' shares differ
 * by at most one unless a category runs out. The drawn questions are then put in random order (shuffle on) or in bank
 * order (shuffle off). A module.yml that names {@code assessment.tags} first narrows the bank to the questions
 * carrying every one of those tags ({@link #carrying}), as Moodle's random questions filtered by tags do.
 */
public final class QuestionDraw {

    /** A question of the bank: its id, its GIFT category (null when none), its place in the bank and its tags. */
    public record Candidate(long id, String category, int order, List<String> tags) {

        public Candidate {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** A question without tags. */
        public Candidate(long id, String category, int order) {
            this(id, category, order, List.of());
        }
    }

    private QuestionDraw() {
    }

    /** The candidates carrying every one of {@code tags}, in bank order; all of them when no tag is named. */
    public static List<Candidate> carrying(List<Candidate> bank, List<String> tags) {
        if (tags.isEmpty()) {
            return bank;
        }
        return bank.stream().filter(c -> c.tags().containsAll(tags)).toList();
    }

    /**
     * @param count   how many to draw; 0 or at least the bank's size means all of them
     * @param shuffle whether the drawn questions come in random order
     * @return the ids of the drawn questions in the order they are shown
     */
    public static List<Long> draw(List<Candidate> bank, int count, boolean shuffle, Random random) {
        List<Candidate> chosen;
        if (count <= 0 || count >= bank.size()) {
            chosen = new ArrayList<>(bank);
        } else {
            Map<String, List<Candidate>> byCategory = new LinkedHashMap<>();
            for (Candidate c : bank) {
                byCategory.computeIfAbsent(Objects.toString(c.category(), ""), k -> new ArrayList<>()).add(c);
            }
            List<List<Candidate>> groups = new ArrayList<>(byCategory.values());
            groups.forEach(g -> Collections.shuffle(g, random));
            Collections.shuffle(groups, random);
            // larger categories first (ties in random order): the questions left over after even rounds go to them
            groups.sort((x, y) -> Integer.compare(y.size(), x.size()));
            chosen = new ArrayList<>();
            int round = 0;
            while (chosen.size() < count) {
                for (List<Candidate> g : groups) {
                    if (round < g.size() && chosen.size() < count) {
                        chosen.add(g.get(round));
                    }
                }
                round++;
            }
        }
        if (shuffle) {
            Collections.shuffle(chosen, random);
        } else {
            chosen.sort((a, b) -> Integer.compare(a.order(), b.order()));
        }
        return chosen.stream().map(Candidate::id).toList();
    }

    /** The ids in random order (shuffle on) or as given. */
    public static List<String> order(List<String> ids, boolean shuffle, Random random) {
        List<String> out = new ArrayList<>(ids);
        if (shuffle) {
            Collections.shuffle(out, random);
        }
        return out;
    }
}
