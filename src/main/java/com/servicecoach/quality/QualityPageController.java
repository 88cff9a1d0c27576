package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.Formats;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.FormValues;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality pages: the review queue (reviewers), the review list (everyone, in their scope), a review beside its
 * conversation with the rubric form, its dispute and resolution, and the sampling rules (administrators).
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class QualityPageController {

    private final QualityReviews reviews;
    private final QualityViews views;
    private final QaRubrics rubrics;
    private final AgentService agents;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final FormErrors formErrors;
    private final Viewers viewers;

    QualityPageController(QualityReviews reviews, QualityViews views, QaRubrics rubrics, AgentService agents,
                          ScoringSettingsService settings, Messages messages, FormErrors formErrors, Viewers viewers) {
        this.reviews = reviews;
        this.views = views;
        this.rubrics = rubrics;
        this.agents = agents;
        this.settings = settings;
        this.messages = messages;
        this.formErrors = formErrors;
        this.viewers = viewers;
    }

    private Formats fmt(Locale locale) {
        return new Formats(messages, locale, settings.current().settings().orgZone());
    }

    // ---- the queue ----------------------------------------------------------------------------------

    @Get("/quality/queue")
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String team,
                                            @Nullable @QueryValue String agent, @Nullable @QueryValue String state,
                                            @Nullable @QueryValue String reason, @Nullable @QueryValue String week,
                                            @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort,
                                            @Nullable @QueryValue String sampled) {
        Viewer viewer = viewers.of(auth);
        QualityReviews.requireReviewer(viewer);
        String st = state == null ? "open" : state;
        Paging paging = Paging.parse(page, 50, sort, "week", List.of("week"));
        PageResponse<QualityViews.QueueEntry> result = views.queue(viewer, team, agent, st.isBlank() ? null : st, reason, week, paging);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("team", nz(team));
        filters.put("agent", nz(agent));
        filters.put("state", st);
        filters.put("reason", nz(reason));
        filters.put("week", nz(week));
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("filters", filters);
        model.put("query", query(filters));
        model.put("sort", paging.sortParam());
        model.put("teams", reviews.reviewedTeams(viewer).stream().map(Team::name).toList());
        model.put("states", QualityViews.QUEUE_STATES);
        model.put("reasons", QueueSampler.REASONS);
        model.put("sampling", views.sampling());
        model.put("sampled", nz(sampled));
        model.put("isAdmin", viewer.isAdmin());
        model.put("fmt", fmt(LocaleResolver.resolve(request)));
        return new ModelAndView<>("quality/queue", model);
    }

    @Post(value = "/quality/queue/sample", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sample(Authentication auth, @Body Map<String, Object> form) {
        Map<String, String> v = FormValues.flatten(form);
        QualityViews.Sampled s = views.sample(viewers.of(auth), v.get("team"), v.get("week"));
        return HttpResponse.seeOther(URI.create("/quality/queue?week=" + s.week() + "&sampled=" + (s.random() + s.targeted())));
    }

    @Post(value = "/quality/queue/{interactionId}/state", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> skip(Authentication auth, long interactionId, @Body Map<String, Object> form) {
        Map<String, String> v = FormValues.flatten(form);
        views.setQueueState(viewers.of(auth), interactionId, nz(v.get("state")));
        return HttpResponse.seeOther(URI.create("/quality/queue" + (nz(v.get("back")).startsWith("?") ? v.get("back") : "")));
    }

    // ---- reviews ------------------------------------------------------------------------------------

    @Get("/quality/reviews")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent,
                                           @Nullable @QueryValue String team, @Nullable @QueryValue String state,
                                           @Nullable @QueryValue String reviewer, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to, @Nullable @QueryValue String criterion,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        Paging paging = QualityApiController.paging(page, 50, sort);
        QualityViews.Filters f = new QualityViews.Filters(agent, team, state, reviewer, from, to, criterion);
        PageResponse<QualityViews.Row> result = views.list(viewer, f, paging);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agent", nz(agent));
        filters.put("team", nz(team));
        filters.put("state", nz(state));
        filters.put("reviewer", nz(reviewer));
        filters.put("from", nz(from));
        filters.put("to", nz(to));
        filters.put("criterion", nz(criterion));
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("filters", filters);
        model.put("query", query(filters));
        model.put("sort", paging.sortParam());
        model.put("states", QualityReviews.STATES);
        model.put("isAgent", viewer.isAgent());
        model.put("isReviewer", viewer.isAdmin() || viewer.isSupervisor());
        model.put("teams", viewer.isAgent() ? List.of() : agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("criterionText", criterion == null || criterion.isBlank() ? "" : criterionText(criterion.strip(), LocaleResolver.resolve(request)));
        model.put("fmt", fmt(LocaleResolver.resolve(request)));
        return new ModelAndView<>("quality/reviews", model);
    }

    private String criterionText(String code, Locale locale) {
        for (QaRubric r : rubrics.all()) {
            var c = r.criterion(code);
            if (c.isPresent()) {
                return c.get().textIn(locale);
            }
        }
        return code;
    }

    @Post(value = "/quality/reviews", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(Authentication auth, @Body Map<String, Object> form) {
        Map<String, String> v = FormValues.flatten(form);
        long interactionId;
        try {
            interactionId = Long.parseLong(nz(v.get("interactionId")));
        } catch (NumberFormatException e) {
            throw new com.servicecoach.web.BadRequestException("interactionId must be a number");
        }
        long id = reviews.start(viewers.of(auth), interactionId);
        return HttpResponse.seeOther(URI.create("/quality/reviews/" + id));
    }

    @Get("/quality/reviews/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, Authentication auth, long id, @Nullable @QueryValue String done) {
        Viewer viewer = viewers.of(auth);
        return reviewPage(request, viewer, id, Map.of(), List.of(), nz(done));
    }

    private ModelAndView<Map<String, Object>> reviewPage(HttpRequest<?> request, Viewer viewer, long id, Map<String, String> values,
                                                         List<FormErrors.Shown> errors, String done) {
        Locale locale = LocaleResolver.resolve(request);
        QualityViews.ReviewPage p = views.page(viewer, id, locale);
        Map<String, Object> model = new HashMap<>();
        model.put("r", p.review());
        model.put("messages", p.messages());
        model.put("values", values);
        model.put("errorList", errors);
        model.put("errors", FormErrors.byField(errors));
        model.put("done", done);
        model.put("isAgent", viewer.isAgent());
        model.put("fmt", fmt(locale));
        return new ModelAndView<>("quality/review", model);
    }

    /** The rubric form: {@code mark.<criterion>} = points or {@code na} (absent: not marked), {@code note.<criterion>}. */
    static List<QualityReviews.MarkInput> marks(Map<String, String> v) {
        List<QualityReviews.MarkInput> out = new ArrayList<>();
        v.forEach((k, value) -> {
            if (!k.startsWith("mark.")) {
                return;
            }
            String code = k.substring(5);
            String note = v.get("note." + code);
            if (value == null || value.isBlank()) {
                out.add(new QualityReviews.MarkInput(code, null, false, note));
            } else if (value.equals("na")) {
                out.add(new QualityReviews.MarkInput(code, null, true, note));
            } else {
                try {
                    out.add(new QualityReviews.MarkInput(code, Integer.parseInt(value.strip()), false, note));
                } catch (NumberFormatException e) {
                    out.add(new QualityReviews.MarkInput(code, -1, false, note));
                }
            }
        });
        // notes of criteria not marked yet are kept with the draft
        v.forEach((k, value) -> {
            if (k.startsWith("note.") && !v.containsKey("mark." + k.substring(5)) && value != null && !value.isBlank()) {
                out.add(new QualityReviews.MarkInput(k.substring(5), null, false, value));
            }
        });
        return out;
    }

    @Post(value = "/quality/reviews/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication auth, long id, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        boolean submit = "submit".equals(v.get("action"));
        try {
            reviews.save(viewer, id, marks(v), v.get("remark"), submit);
            return HttpResponse.seeOther(URI.create("/quality/reviews/" + id + "?done=" + (submit ? "submitted" : "saved")));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(reviewPage(request, viewer, id, v, formErrors.describe(request, e), ""));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(reviewPage(request, viewer, id, v,
                    List.of(new FormErrors.Shown("review", e.getMessage())), ""));
        }
    }

    @Post(value = "/quality/reviews/{id}/dispute", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> dispute(HttpRequest<?> request, Authentication auth, long id, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        try {
            reviews.dispute(viewer, id, v.get("reason"));
            return HttpResponse.seeOther(URI.create("/quality/reviews/" + id + "?done=disputed"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(reviewPage(request, viewer, id, v, formErrors.describe(request, e), ""));
        }
    }

    @Post(value = "/quality/reviews/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolve(HttpRequest<?> request, Authentication auth, long id, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        String decision = v.get("decision");
        try {
            reviews.resolve(viewer, id, decision, v.get("resolutionNote"), QualityReviews.CHANGED.equals(decision) ? marks(v) : null);
            return HttpResponse.seeOther(URI.create("/quality/reviews/" + id + "?done=resolved"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(reviewPage(request, viewer, id, v, formErrors.describe(request, e), ""));
        }
    }

    // ---- sampling rules -----------------------------------------------------------------------------

    @Get("/quality/settings")
    ModelAndView<Map<String, Object>> settingsPage(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String saved) {
        Viewer viewer = viewers.of(auth);
        QualityReviews.requireReviewer(viewer);
        QualityViews.SamplingRules s = views.sampling();
        Map<String, String> values = new HashMap<>();
        values.put("randomPerWeek", String.valueOf(s.randomPerWeek()));
        values.put("targetedPerWeek", String.valueOf(s.targetedPerWeek()));
        return settingsModel(request, viewer, values, List.of(), saved != null);
    }

    private ModelAndView<Map<String, Object>> settingsModel(HttpRequest<?> request, Viewer viewer, Map<String, String> values,
                                                           List<FormErrors.Shown> errors, boolean saved) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("sampling", views.sampling());
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("saved", saved);
        model.put("isAdmin", viewer.isAdmin());
        model.put("rubrics", rubrics.all());
        model.put("problems", viewer.isAdmin() ? rubrics.problems().stream().map(Object::toString).toList() : List.of());
        model.put("locale", locale);
        model.put("fmt", fmt(locale));
        return new ModelAndView<>("quality/settings", model);
    }

    @Post(value = "/quality/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSettings(HttpRequest<?> request, Authentication auth, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        try {
            views.saveSampling(viewer, integer(v.get("randomPerWeek")), integer(v.get("targetedPerWeek")), v.containsKey("lowRating"),
                    v.containsKey("slaBreached"), v.containsKey("complaint"), v.containsKey("surveyRemark"));
            return HttpResponse.seeOther(URI.create("/quality/settings?saved=1"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(settingsModel(request, viewer, v, formErrors.describe(request, e), false));
        }
    }

    private static @Nullable Integer integer(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String query(Map<String, String> filters) {
        StringBuilder q = new StringBuilder();
        filters.forEach((k, v) -> {
            if (!v.isBlank()) {
                q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
