package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.PageResponse;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Who may import and see which imports (api.md, "Access"): administrators import for every agent and see
 * every import; supervisors import for the agents of the teams they lead and see their own imports; HR and
 * agents do neither (403). Someone else's import is absent (404).
 */
@Singleton
public class InteractionImports {

    private final AgentService agents;
    private final ImportRecordRepository records;
    private final InteractionImporter importer;

    InteractionImports(AgentService agents, ImportRecordRepository records, InteractionImporter importer) {
        this.agents = agents;
        this.records = records;
        this.importer = importer;
    }

    /** The import scope of a viewer, or 403. */
    public InteractionImporter.Scope scope(Viewer viewer) {
        if (viewer.isAdmin()) {
            return InteractionImporter.Scope.allAgents(viewer.username());
        }
        if (viewer.isSupervisor()) {
            return new InteractionImporter.Scope(viewer.username(), false,
                    agents.visibleTeams(viewer).stream().map(Team::id).collect(Collectors.toSet()));
        }
        throw new ForbiddenException("Only administrators and supervisors import interactions");
    }

    /** An import the viewer may see, or 404 (403 for roles that never import). */
    public ImportRecord visible(Viewer viewer, long id) {
        scope(viewer);
        importer.settleInterrupted();
        ImportRecord record = records.findById(id).orElseThrow(() -> new NotFoundException("No import " + id));
        if (!viewer.isAdmin() && !record.username().equals(viewer.username())) {
            throw new NotFoundException("No import " + id);
        }
        return record;
    }

    /** The viewer's imports (all of them for administrators), newest first. */
    public PageResponse<ImportJob> list(Viewer viewer, int page, int size) {
        scope(viewer);
        importer.settleInterrupted();
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("id")));
        var result = viewer.isAdmin() ? records.findAll(pageable) : records.findByUsername(viewer.username(), pageable);
        return new PageResponse<>(result.getContent().stream().map(ImportJob::of).toList(), page, size, result.getTotalSize());
    }
}
