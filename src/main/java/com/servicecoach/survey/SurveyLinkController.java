package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvDownload;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hosted survey links for the shop's helpdesk or mail tool: {@code POST /api/surveys/links} issues them for a
 * period's interactions (supervisors for their teams, administrators for all), {@code GET /api/surveys/links}
 * lists them a page at a time and {@code GET /surveys/links.csv} downloads them (HR reads both; agents 403).
 *
 * <p>A link's absolute URL: the application has no setting for its public address, so it is the address the
 * request came to, its scheme and {@code Host} header (as Micronaut's {@link HttpHostResolver} reads them: behind a
 * proxy, {@code micronaut.server.host-resolution} names the forwarded headers to trust), then
 * {@code /survey/<token>}.
 */
@Tag(name = "Surveys")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyLinkController {

    /** The longest period links are issued or listed for at once. */
    static final int MAX_DAYS = 366;
    /** The most rows one CSV holds; a narrower period gives the rest. */
    static final int CSV_MAX_ROWS = 100_000;
    private static final int CSV_PAGE = 1_000;

    /** What {@code POST /api/surveys/links} takes. */
    @Serdeable
    record IssueRequest(@Nullable String from, @Nullable String to, @Nullable String language) {
    }

    /** How many links were issued. */
    @Serdeable
    record Issued(int issued) {
    }

    private final SurveyLinks links;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final HttpHostResolver hosts;
    private final Clock clock;

    private final String publicUrl;

    SurveyLinkController(SurveyLinks links, Viewers viewers, ScoringSettingsService settings, HttpHostResolver hosts, Clock clock,
                         @io.micronaut.context.annotation.Value("${servicecoach.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.links = links;
        this.viewers = viewers;
        this.settings = settings;
        this.hosts = hosts;
        this.clock = clock;
    }

    @Operation(summary = "Issue a survey link, in language en or zh, for each interaction created from..to (dates in the "
            + "organization's zone, at most 366 days) that has no link or response yet: supervisors for their teams, administrators "
            + "for all. Answers {\"issued\": n}.")
    @Post("/api/surveys/links")
    Issued issue(Authentication auth, @Body IssueRequest body) {
        Viewer viewer = viewers.of(auth);
        if (!SurveyLinks.mayIssue(viewer)) {
            throw new ForbiddenException("Supervisors and administrators issue survey links");
        }
        if (body.from() == null || body.from().isBlank() || body.to() == null || body.to().isBlank()) {
            throw new BadRequestException("from and to are required: dates YYYY-MM-DD");
        }
        PagePeriod period = period(body.from(), body.to());
        return new Issued(links.issue(viewer, period.from(), period.to(), body.language()));
    }

    @Operation(summary = "The survey links of the interactions created from..to (default: the last 30 days), oldest first, "
            + "a page at a time (page from 0, size 1-200); each with its URL, interaction, agent, language, expiry and state "
            + "(open, answered or expired). Supervisors their teams', administrators and HR all; agents 403.")
    @Get("/api/surveys/links")
    PageResponse<SurveyLinks.Listed> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                                          @Nullable @QueryValue String to, @Nullable @QueryValue Integer page,
                                          @Nullable @QueryValue Integer size) {
        Viewer viewer = viewers.of(auth);
        PagePeriod period = period(from, to);
        Paging paging = Paging.parse(page, size, null, "createdAt", List.of("createdAt"));
        return page(viewer, period, paging, baseUrl(hosts, request, publicUrl));
    }

    /** One page of links, as the API and the page show them. */
    PageResponse<SurveyLinks.Listed> page(Viewer viewer, PagePeriod period, Paging paging, String baseUrl) {
        long total = links.count(viewer, period.from(), period.to());
        List<SurveyLinks.Listed> content = new ArrayList<>();
        links.list(viewer, period.from(), period.to(), baseUrl, paging.offset(), paging.size(), content::add);
        return new PageResponse<>(content, paging.page(), paging.size(), total);
    }

    @Operation(summary = "The survey links of the interactions created from..to as CSV (UTF-8 with BOM): url, external_id, "
            + "source, employee_no, agent, language, expires_at, state. Up to 100000 rows.")
    @Get(value = "/surveys/links.csv", produces = "text/csv")
    HttpResponse<StreamedFile> csv(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to) {
        Viewer viewer = viewers.of(auth);
        PagePeriod period = period(from, to);
        long total = links.count(viewer, period.from(), period.to());
        String base = baseUrl(hosts, request, publicUrl);
        return CsvDownload.of("survey-links-" + period.from() + "-" + period.to() + ".csv", List.of("url", "external_id", "source",
                "employee_no", "agent", "language", "expires_at", "state"), rows -> {
            long limit = Math.min(total, CSV_MAX_ROWS);
            long written = 0;
            while (written < limit) {
                int size = (int) Math.min(CSV_PAGE, limit - written);
                long[] read = {0};
                links.list(viewer, period.from(), period.to(), base, written, size, l -> {
                    read[0]++;
                    rows.row(Arrays.asList(l.url(), l.externalId(), l.source(), l.employeeNo(), l.agentName(), l.language(),
                            l.expiresAt().toString(), l.state()));
                });
                written += read[0];
                if (read[0] < size) {
                    break;
                }
            }
            if (total > CSV_MAX_ROWS) {
                rows.row(List.of("# only the first " + CSV_MAX_ROWS + " of " + total + " links: narrow the period for the rest"));
            }
        });
    }

    /** The period asked, or the last 30 days when neither date is given; 400 when the dates are wrong. */
    PagePeriod period(@Nullable String from, @Nullable String to) {
        Map<String, Object[]> problems = PagePeriod.problems(from, to, MAX_DAYS);
        if (!problems.isEmpty()) {
            throw new BadRequestException("from and to must be dates YYYY-MM-DD, from not after to, at most " + MAX_DAYS
                    + " days apart (" + String.join(", ", problems.keySet()) + ")");
        }
        return PagePeriod.of(from, to, settings.current().settings().orgZone(), clock);
    }

    /**
     * The application's public address for links sent to customers: {@code servicecoach.public-url}
     * ({@code SERVICECOACH_PUBLIC_URL}) when set, else the address this request reached (scheme, host and port),
     * without a trailing slash.
     */
    static String baseUrl(HttpHostResolver hosts, HttpRequest<?> request, @Nullable String publicUrl) {
        String base = publicUrl == null || publicUrl.isBlank() ? hosts.resolve(request) : publicUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
