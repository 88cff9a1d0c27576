package com.servicecoach.survey;

import com.servicecoach.web.FieldError;
import com.servicecoach.web.FormValues;
import com.servicecoach.web.GlobalErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hosted survey a customer opens from a link ({@code /survey/{token}}), without signing in: each dimension
 * on 1-10 with the five bands' words, and a remark, in the link's language (or the one chosen with
 * {@code ?lang=en|zh}). The link's one-use token takes the place of a CSRF token. The page shows nothing of the
 * agent but their display name.
 *
 * <p>Answers: the form (200); after storing, thanks (200); answered before, 409; expired, 410; unknown, 404 (the
 * same page whatever the token); invalid input, the form again with its errors and values (422); over the rate
 * limit, 429 with Retry-After; sent by a signed-in user (staff, not a customer), 403. Only the answer stores anything.
 */
@Hidden
@Controller("/survey")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyPublicController {

    static final String VIEW = "survey/public";
    /** The five bands (metrics.md "Customer ratings"), lowest first, with their scores. */
    static final List<Band> BANDS = List.of(new Band("very_dissatisfied", List.of(1, 2)), new Band("dissatisfied", List.of(3, 4)),
            new Band("neutral", List.of(5, 6)), new Band("satisfied", List.of(7, 8)), new Band("very_satisfied", List.of(9, 10)));

    /** A band of the scale as the page shows it: its message key suffix and its scores. */
    public record Band(String key, List<Integer> scores) {
    }

    /** A question of the page: a dimension's code and its wording in the page's language. */
    public record Question(String code, String label) {
    }

    private final SurveyLinks links;
    private final Messages messages;
    private final HttpClientAddressResolver addresses;
    private final Clock clock;

    SurveyPublicController(SurveyLinks links, Messages messages, HttpClientAddressResolver addresses, Clock clock) {
        this.links = links;
        this.messages = messages;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Get("/{token}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String token, @Nullable @QueryValue String lang) {
        SurveyLinks.Page page;
        try {
            page = links.page(token, address(request));
        } catch (SurveyLinks.TooManyRequests e) {
            return tooMany(request, lang);
        }
        return respond(request, token, lang, page, Map.of(), List.of(), null);
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable String token, @Nullable @QueryValue String lang,
                           @Nullable @Body Map<String, Object> form) {
        Map<String, String> values = form == null ? Map.of() : FormValues.flatten(form);
        Map<String, String> scores = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("score_")) {
                scores.put(k.substring("score_".length()), v);
            }
        });
        if (request.getUserPrincipal().isPresent()) {
            // a customer answers, not a signed-in supervisor, HR person or agent: staff cannot fill in a customer's survey
            LocaleResolver.choose(request, locale(request, lang, null));
            Map<String, Object> model = new HashMap<>();
            model.put("state", "staff");
            model.put("pageLang", "zh".equals(LocaleResolver.resolve(request).getLanguage()) ? "zh" : "en");
            return noStore(HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>(VIEW, model)));
        }
        String address = address(request);
        SurveyLinks.State state;
        try {
            state = links.answer(token, new SurveyLinks.Answer(scores, values.get("remark"), version(values.get("version"))), address);
        } catch (SurveyLinks.TooManyRequests e) {
            return tooMany(request, lang);
        } catch (InvalidInputException e) {
            // the form again, in its language, with what was entered
            SurveyLinks.Page page = links.pageOf(token);
            return respond(request, token, lang, page, values, e.errors(),
                    page.state() == SurveyLinks.State.OPEN ? HttpStatus.UNPROCESSABLE_ENTITY : null);
        }
        // thanks, or the state that refused the answer, in the link's language (unknown links have none)
        String language = state == SurveyLinks.State.UNKNOWN ? null : links.pageOf(token).language();
        return respond(request, token, lang, new SurveyLinks.Page(state, null, language, null, 0), Map.of(), List.of(), null);
    }

    private HttpResponse<?> respond(HttpRequest<?> request, String token, @Nullable String lang, SurveyLinks.Page page,
                                    Map<String, String> values, List<FieldError> errors, @Nullable HttpStatus status) {
        Locale locale = locale(request, lang, page.language());
        LocaleResolver.choose(request, locale);
        Map<String, Object> model = new HashMap<>();
        String state = page.state().name().toLowerCase(Locale.ROOT);
        model.put("state", state);
        model.put("pageLang", "zh".equals(locale.getLanguage()) ? "zh" : "en");
        if (page.state() == SurveyLinks.State.OPEN) {
            model.put("token", token);
            model.put("agentName", page.agentName());
            List<Question> questions = new ArrayList<>();
            for (SurveyDefinition.Dimension d : page.dimensions()) {
                questions.add(new Question(d.code(), d.label(locale)));
            }
            model.put("questions", questions);
            model.put("version", page.version());
            model.put("bands", BANDS);
            model.put("values", values);
            model.put("maxRemark", SurveyLinks.MAX_REMARK);
            Map<String, String> byField = new LinkedHashMap<>();
            for (FieldError e : errors) {
                byField.putIfAbsent(e.field(), messages.get(locale, e.key(), e.args().toArray()));
            }
            model.put("errors", byField);
        } else {
            // a link's own address for the language links; an unknown token is not repeated
            model.put("token", page.state() == SurveyLinks.State.UNKNOWN ? null : token);
        }
        HttpStatus answer = status != null ? status : switch (page.state()) {
            case OPEN, STORED -> HttpStatus.OK;
            case ANSWERED -> HttpStatus.CONFLICT;
            case EXPIRED -> HttpStatus.GONE;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        ModelAndView<Map<String, Object>> view = new ModelAndView<>(VIEW, model);
        if (answer == HttpStatus.NOT_FOUND) {
            // Micronaut hands every 404 to the global not-found handler, which answers with this page
            request.setAttribute(GlobalErrors.OWN_NOT_FOUND_PAGE, view);
        }
        return noStore(HttpResponse.status(answer).body(view));
    }

    private MutableHttpResponse<?> tooMany(HttpRequest<?> request, @Nullable String lang) {
        LocaleResolver.choose(request, locale(request, lang, null));
        Map<String, Object> model = new HashMap<>();
        model.put("state", "limited");
        model.put("pageLang", "zh".equals(LocaleResolver.resolve(request).getLanguage()) ? "zh" : "en");
        Instant now = clock.instant();
        long retry = Math.max(1, Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))).toSeconds());
        return noStore(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(retry))
                .body(new ModelAndView<>(VIEW, model)));
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex");
    }

    /** The survey version the form was shown with (a hidden field), or null when absent or not a number. */
    @Nullable
    static Integer version(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code ?lang=en|zh}, else the link's language, else the browser's. */
    static Locale locale(HttpRequest<?> request, @Nullable String lang, @Nullable String linkLanguage) {
        String chosen = "en".equals(lang) || "zh".equals(lang) ? lang : linkLanguage;
        if ("zh".equals(chosen)) {
            return Messages.CHINESE;
        }
        if ("en".equals(chosen)) {
            return Locale.ENGLISH;
        }
        return LocaleResolver.resolve(request);
    }

    /** The client's address: the connection's remote address (or the header {@code micronaut.server.client-address-header} names). */
    private String address(HttpRequest<?> request) {
        String resolved = addresses.resolve(request);
        if (resolved != null && !resolved.isBlank()) {
            return resolved;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
