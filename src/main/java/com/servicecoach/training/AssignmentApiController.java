package com.servicecoach.training;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assignments ({@code /api/assignments}) and the team training matrix ({@code /api/training-matrix}).
 * The list has one line per agent an assignment reaches (a team assignment gives a line per agent).
 */
@Tag(name = "Training")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssignmentApiController {

    static final List<String> SORTABLE = List.of("dueOn", "module", "agent", "status", "createdAt");
    static final Map<String, Comparator<AssignmentViews.Item>> ORDER = Map.of(
            "dueOn", Comparator.comparing(AssignmentViews.Item::dueOn).thenComparing(AssignmentViews.Item::agent)
                    .thenComparing(AssignmentViews.Item::module),
            "module", Comparator.comparing(AssignmentViews.Item::module).thenComparing(AssignmentViews.Item::agent),
            "agent", Comparator.comparing(AssignmentViews.Item::agent).thenComparing(AssignmentViews.Item::dueOn),
            "status", Comparator.comparing(AssignmentViews.Item::status).thenComparing(AssignmentViews.Item::dueOn),
            "createdAt", Comparator.comparing(AssignmentViews.Item::createdAt).thenComparing(AssignmentViews.Item::agent));

    private final AssignmentService service;
    private final Viewers viewers;

    AssignmentApiController(AssignmentService service, Viewers viewers) {
        this.service = service;
        this.viewers = viewers;
    }

    @Post("/api/assignments")
    HttpResponse<List<AssignmentViews.Assignment>> create(HttpRequest<?> request, Authentication auth,
                                                          @Body AssignmentViews.Request body) {
        return HttpResponse.created(service.create(viewers.of(auth), body, LocaleResolver.resolve(request)));
    }

    /** A bulk action's body: {@code action} due_date, cancel or remind; the assignments' ids; the new due date. */
    @io.micronaut.serde.annotation.Serdeable
    record BulkRequest(@Nullable String action, @Nullable List<Long> ids, @Nullable String dueOn) {
    }

    /** One action on several assignments at once, all or nothing ({@link AssignmentService#bulk}). */
    @Post("/api/assignments/bulk")
    AssignmentService.BulkResult bulk(Authentication auth, @Body BulkRequest body) {
        return service.bulk(viewers.of(auth), body.action(), body.ids() == null ? List.of() : body.ids(), body.dueOn());
    }

    @Get("/api/assignments")
    PageResponse<AssignmentViews.Item> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent,
                                            @Nullable @QueryValue String team, @Nullable @QueryValue String module,
                                            @Nullable @QueryValue String status, @Nullable @QueryValue Integer page,
                                            @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "dueOn", SORTABLE);
        return paging.apply(service.list(viewers.of(auth), new AssignmentService.Filter(agent, team, module, status),
                LocaleResolver.resolve(request)), ORDER);
    }

    @Get("/api/assignments/{id}")
    AssignmentViews.Assignment get(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return service.get(viewers.of(auth), id, LocaleResolver.resolve(request));
    }

    @Put("/api/assignments/{id}")
    AssignmentViews.Assignment change(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                      @Body AssignmentViews.Change body) {
        return service.changeDueDate(viewers.of(auth), id, body.dueOn(), LocaleResolver.resolve(request));
    }

    @Delete("/api/assignments/{id}")
    HttpResponse<?> cancel(Authentication auth, @PathVariable long id) {
        service.cancel(viewers.of(auth), id);
        return HttpResponse.noContent();
    }

    @Get("/api/training-matrix")
    AssignmentViews.Matrix matrix(HttpRequest<?> request, Authentication auth, @QueryValue String team) {
        return service.matrix(viewers.of(auth), team, LocaleResolver.resolve(request));
    }
}
