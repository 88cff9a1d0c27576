package com.servicecoach.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.DateParams;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/**
 * The quality reviews' JSON routes: the review queue and its sampling, reviews (start, save or submit, dispute, resolve),
 * the list, and the rubrics. Every rule is the service's, read from the database on each request.
 */
@Tag(name = "Quality reviews")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class QualityApiController {

    private final QualityReviews reviews;
    private final QualityViews views;
    private final QaRubrics rubrics;
    private final QualityScorecards scorecards;
    private final Viewers viewers;

    QualityApiController(QualityReviews reviews, QualityViews views, QaRubrics rubrics, QualityScorecards scorecards, Viewers viewers) {
        this.scorecards = scorecards;
        this.reviews = reviews;
        this.views = views;
        this.rubrics = rubrics;
        this.viewers = viewers;
    }

    @Serdeable
    record StartRequest(@Nullable Long interactionId) {
    }

    @Serdeable
    record SaveRequest(@Nullable List<QualityReviews.MarkInput> marks, @Nullable String remark, boolean submit) {
    }

    @Serdeable
    record DisputeRequest(@Nullable String reason) {
    }

    @Serdeable
    record ResolveRequest(@Nullable String decision, @Nullable String note, @Nullable List<QualityReviews.MarkInput> marks) {
    }

    @Serdeable
    record SampleRequest(@Nullable String team, @Nullable String week) {
    }

    @Serdeable
    record QueueStateRequest(@Nullable String state) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SamplingRequest(@Nullable Integer randomPerWeek, @Nullable Integer targetedPerWeek, boolean lowRating, boolean slaBreached,
                           boolean complaint, boolean surveyRemark) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RubricView(String code, int version, String title, List<String> channels, int passTarget, int maxPoints,
                      List<QualityViews.Criterion> criteria) {
    }

    @Operation(summary = "The review queue of the teams the caller reviews (supervisors: theirs; administrators: all); "
            + "filters team, agent, state (open|done|skipped), reason (random|low_rating|sla_breached|complaint|survey_remark), week (a day of it)")
    @Get("/api/quality/queue")
    PageResponse<QualityViews.QueueEntry> queue(Authentication auth, @Nullable @QueryValue String team, @Nullable @QueryValue String agent,
                                                @Nullable @QueryValue String state, @Nullable @QueryValue String reason,
                                                @Nullable @QueryValue String week, @Nullable @QueryValue Integer page,
                                                @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "week", List.of("week"));
        return views.queue(viewers.of(auth), team, agent, state, reason, week, paging);
    }

    @Operation(summary = "Sample a week (a day of it; default last week) into the queue by the sampling rules, for the caller's teams or one")
    @Post("/api/quality/queue/sample")
    QualityViews.Sampled sample(Authentication auth, @Body SampleRequest body) {
        return views.sample(viewers.of(auth), body.team(), body.week());
    }

    @Operation(summary = "Skip a queued conversation (state skipped) or put it back (open)")
    @Put("/api/quality/queue/{interactionId}")
    HttpResponse<?> queueState(Authentication auth, long interactionId, @Body QueueStateRequest body) {
        views.setQueueState(viewers.of(auth), interactionId, body.state() == null ? "" : body.state());
        return HttpResponse.noContent();
    }

    @Operation(summary = "The reviews the caller may see (agents: of their conversations; supervisors: their teams'; HR, administrators: all); "
            + "filters agent, team, state, reviewer, from, to (review dates), criterion (failed on it); sort updated|date|agent|score|state")
    @Get("/api/quality/reviews")
    PageResponse<QualityViews.Row> list(Authentication auth, @Nullable @QueryValue String agent, @Nullable @QueryValue String team,
                                        @Nullable @QueryValue String state, @Nullable @QueryValue String reviewer,
                                        @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                        @Nullable @QueryValue String criterion, @Nullable @QueryValue Integer page,
                                        @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        return views.list(viewers.of(auth), new QualityViews.Filters(agent, team, state, reviewer, from, to, criterion),
                paging(page, size, sort));
    }

    static Paging paging(@Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
        return Paging.parse(page, size, sort == null || sort.isBlank() ? "updated,desc" : sort, "updated", QualityViews.REVIEW_SORTS);
    }

    @Operation(summary = "Start the review of a conversation (or get the one that exists): 201 with the review")
    @Post("/api/quality/reviews")
    HttpResponse<QualityViews.Review> start(HttpRequest<?> request, Authentication auth, @Body StartRequest body) {
        Viewer viewer = viewers.of(auth);
        if (body.interactionId() == null) {
            throw new com.servicecoach.web.InvalidInputException(com.servicecoach.web.FieldError.of("interactionId", "quality.error.required"));
        }
        long id = reviews.start(viewer, body.interactionId());
        return HttpResponse.created(views.review(viewer, id, LocaleResolver.resolve(request)));
    }

    @Operation(summary = "A review with its rubric and marks")
    @Get("/api/quality/reviews/{id}")
    QualityViews.Review get(HttpRequest<?> request, Authentication auth, long id) {
        return views.review(viewers.of(auth), id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "Save the caller's draft: marks [{criterion, points, na, note}] and remark; submit=true submits it (every criterion marked)")
    @Put("/api/quality/reviews/{id}")
    QualityViews.Review save(HttpRequest<?> request, Authentication auth, long id, @Body SaveRequest body) {
        Viewer viewer = viewers.of(auth);
        reviews.save(viewer, id, body.marks() == null ? List.of() : body.marks(), body.remark(), body.submit());
        return views.review(viewer, id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "The agent disputes a submitted review of their conversation, once, with a reason")
    @Post("/api/quality/reviews/{id}/dispute")
    QualityViews.Review dispute(HttpRequest<?> request, Authentication auth, long id, @Body DisputeRequest body) {
        Viewer viewer = viewers.of(auth);
        reviews.dispute(viewer, id, body.reason());
        return views.review(viewer, id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "Resolve a dispute: decision upheld or changed (with the new marks), and a note")
    @Post("/api/quality/reviews/{id}/resolve")
    QualityViews.Review resolve(HttpRequest<?> request, Authentication auth, long id, @Body ResolveRequest body) {
        Viewer viewer = viewers.of(auth);
        reviews.resolve(viewer, id, body.decision(), body.note(), body.marks());
        return views.review(viewer, id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "The sampling rules of the review queue")
    @Get("/api/quality/sampling")
    QualityViews.SamplingRules sampling(Authentication auth) {
        QualityReviews.requireReviewer(viewers.of(auth));
        return views.sampling();
    }

    @Operation(summary = "Set the sampling rules (administrators)")
    @Put("/api/quality/sampling")
    QualityViews.SamplingRules saveSampling(Authentication auth, @Body SamplingRequest body) {
        return views.saveSampling(viewers.of(auth), body.randomPerWeek(), body.targetedPerWeek(), body.lowRating(), body.slaBreached(),
                body.complaint(), body.surveyRemark());
    }

    @Operation(summary = "The QA rubrics (training-content/qa/), worded in the caller's language")
    @Get("/api/quality/rubrics")
    List<RubricView> rubrics(HttpRequest<?> request, Authentication auth) {
        viewers.of(auth);
        java.util.Locale locale = LocaleResolver.resolve(request);
        return rubrics.all().stream().map(r -> new RubricView(r.code(), r.version(), r.titleIn(locale), r.channelCodes(), r.passTarget(),
                r.maxPoints(), r.criteria().stream().map(c -> new QualityViews.Criterion(c.code(), c.textIn(locale), c.guidanceIn(locale),
                        c.points(), c.critical(), c.naAllowed(), c.module(), null, null)).toList())).toList();
    }

    @Operation(summary = "An agent's quality for from..to: QA score % of the counting reviews, and each criterion's failure rate")
    @Get("/api/quality/figures/agents/{employeeNo}")
    QualityScorecards.Section agentFigures(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        LocalDate[] period = DateParams.period(from, to);
        return scorecards.agent(viewers.of(auth), employeeNo, period[0], period[1], LocaleResolver.resolve(request));
    }

    @Operation(summary = "A team's quality for from..to: QA score % over all its reviews, each agent's, and the criteria that fail most")
    @Get("/api/quality/figures/teams/{team}")
    QualityScorecards.Section teamFigures(HttpRequest<?> request, Authentication auth, @PathVariable String team,
                                          @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        LocalDate[] period = DateParams.period(from, to);
        return scorecards.team(viewers.of(auth), team, period[0], period[1], LocaleResolver.resolve(request));
    }
}
