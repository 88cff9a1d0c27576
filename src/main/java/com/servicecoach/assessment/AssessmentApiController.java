package com.servicecoach.assessment;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
 * Assessments as api.md says: start an attempt, save answers, submit, view; plus an agent's standing per
 * assessment, the attempt list, the grading queue and essay grading, item analysis and certifications.
 */
@Tag(name = "Assessments")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssessmentApiController {

    static final List<String> ATTEMPT_SORT = List.of("startedAt", "module", "agent", "state");
    static final Map<String, Comparator<AttemptViews.AttemptSummary>> ATTEMPT_ORDER = Map.of(
            "startedAt", Comparator.comparing(AttemptViews.AttemptSummary::startedAt),
            "module", Comparator.comparing(AttemptViews.AttemptSummary::module).thenComparing(AttemptViews.AttemptSummary::startedAt),
            "agent", Comparator.comparing(AttemptViews.AttemptSummary::agent).thenComparing(AttemptViews.AttemptSummary::startedAt),
            "state", Comparator.comparing(AttemptViews.AttemptSummary::state).thenComparing(AttemptViews.AttemptSummary::startedAt));
    static final List<String> CERT_SORT = List.of("expiresAt", "agent", "module");
    static final Map<String, Comparator<AttemptViews.CertificationView>> CERT_ORDER = Map.of(
            "expiresAt", Comparator.comparing((AttemptViews.CertificationView v) -> v.expiresAt() == null ? java.time.Instant.MAX : v.expiresAt())
                    .thenComparing(AttemptViews.CertificationView::agent),
            "agent", Comparator.comparing(AttemptViews.CertificationView::agent).thenComparing(AttemptViews.CertificationView::module),
            "module", Comparator.comparing(AttemptViews.CertificationView::module).thenComparing(AttemptViews.CertificationView::agent));

    static final Map<String, Comparator<AttemptViews.QueueItem>> QUEUE_ORDER = Map.of(
            "submittedAt", Comparator.comparing(AttemptViews.QueueItem::submittedAt).thenComparing(AttemptViews.QueueItem::attempt),
            "agent", Comparator.comparing(AttemptViews.QueueItem::agent).thenComparing(AttemptViews.QueueItem::submittedAt),
            "module", Comparator.comparing(AttemptViews.QueueItem::module).thenComparing(AttemptViews.QueueItem::submittedAt));

    private final AttemptService attempts;
    private final GradingQueue grading;
    private final ItemAnalysisService analysis;
    private final Certifications certifications;
    private final Viewers viewers;

    AssessmentApiController(AttemptService attempts, GradingQueue grading, ItemAnalysisService analysis,
                            Certifications certifications, Viewers viewers) {
        this.attempts = attempts;
        this.grading = grading;
        this.analysis = analysis;
        this.certifications = certifications;
        this.viewers = viewers;
    }

    @Post("/api/assessments/{code}/attempts")
    HttpResponse<AttemptViews.AttemptView> start(HttpRequest<?> request, Authentication auth, @PathVariable String code) {
        return HttpResponse.created(attempts.start(viewers.of(auth), code, LocaleResolver.resolve(request)));
    }

    @Get("/api/assessments")
    List<AttemptViews.Standing> standings(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent) {
        return attempts.standings(viewers.of(auth), agent, LocaleResolver.resolve(request));
    }

    @Get("/api/assessments/{code}")
    AttemptViews.Standing standing(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                   @Nullable @QueryValue String agent) {
        return attempts.standing(viewers.of(auth), code, agent, LocaleResolver.resolve(request));
    }

    @Get("/api/assessments/{code}/item-analysis")
    AttemptViews.ItemAnalysis itemAnalysis(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                           @Nullable @QueryValue String team) {
        return analysis.analyse(viewers.of(auth), code, team, LocaleResolver.resolve(request));
    }

    @Get("/api/attempts")
    PageResponse<AttemptViews.AttemptSummary> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent,
                                                   @Nullable @QueryValue String team, @Nullable @QueryValue String module,
                                                   @Nullable @QueryValue String state, @Nullable @QueryValue Integer page,
                                                   @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort == null ? "startedAt,desc" : sort, "startedAt", ATTEMPT_SORT);
        return paging.apply(attempts.list(viewers.of(auth), new AttemptService.Filter(agent, team, module, state),
                LocaleResolver.resolve(request)), ATTEMPT_ORDER);
    }

    @Get("/api/attempts/{id}")
    AttemptViews.AttemptView get(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return attempts.get(viewers.of(auth), id, LocaleResolver.resolve(request));
    }

    @Put(value = "/api/attempts/{id}/answers/{questionId}", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    AttemptViews.SavedAnswer save(Authentication auth, @PathVariable long id, @PathVariable long questionId,
                                  @Nullable @Body String body) {
        return attempts.save(viewers.of(auth), id, questionId, body);
    }

    @Post("/api/attempts/{id}/submit")
    AttemptViews.AttemptView submit(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return attempts.submit(viewers.of(auth), id, LocaleResolver.resolve(request));
    }

    @Get("/api/grading-queue")
    PageResponse<AttemptViews.QueueItem> queue(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String team,
                                               @Nullable @QueryValue String module, @Nullable @QueryValue Integer page,
                                               @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "submittedAt", List.of("submittedAt", "agent", "module"));
        return paging.apply(grading.list(viewers.of(auth), team, module, LocaleResolver.resolve(request)), QUEUE_ORDER);
    }

    @Post("/api/attempts/{id}/questions/{questionId}/grade")
    AttemptViews.AttemptView grade(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @PathVariable long questionId, @Body AttemptViews.GradeRequest body) {
        return grading.grade(viewers.of(auth), id, questionId, body, LocaleResolver.resolve(request));
    }

    @Get("/api/certifications")
    PageResponse<AttemptViews.CertificationView> certifications(HttpRequest<?> request, Authentication auth,
                                                                @Nullable @QueryValue String agent, @Nullable @QueryValue String team,
                                                                @Nullable @QueryValue String module, @Nullable @QueryValue String status,
                                                                @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                                                @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "expiresAt", CERT_SORT);
        return paging.apply(certifications.list(viewers.of(auth), agent, team, module, status, LocaleResolver.resolve(request)),
                CERT_ORDER);
    }
}
