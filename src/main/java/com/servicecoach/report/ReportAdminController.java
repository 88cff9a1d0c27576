package com.servicecoach.report;

import com.servicecoach.account.Viewers;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.report.thresholds.ThresholdService;
import com.servicecoach.report.thresholds.Thresholds;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report audit record (administrators) and the flagging thresholds (HR sets them). */
@Tag(name = "Reports")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportAdminController {

    private final ReportAudit audit;
    private final ThresholdService thresholds;
    private final Viewers viewers;

    ReportAdminController(ReportAudit audit, ThresholdService thresholds, Viewers viewers) {
        this.audit = audit;
        this.thresholds = thresholds;
        this.viewers = viewers;
    }

    @Get("/api/reports/audit")
    @Secured("ADMIN")
    PageResponse<AuditEntry> auditJson(@Nullable @QueryValue String user, @Nullable @QueryValue String format,
                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging paging = Paging.parse(page, size == null ? 50 : Math.min(size, Paging.MAX_SIZE), null, "at", List.of("at"));
        return audit.list(user, format, date("from", from), date("to", to), paging.page(), paging.size());
    }

    @Get("/admin/audit")
    @Secured("ADMIN")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> auditPage(@Nullable @QueryValue String user, @Nullable @QueryValue String format,
                                                @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                                @Nullable @QueryValue Integer page) {
        Paging paging = Paging.parse(page, 50, null, "at", List.of("at"));
        PageResponse<AuditEntry> result = audit.list(user, format, date("from", from), date("to", to), paging.page(), paging.size());
        if (paging.within(result.totalElements()) != paging) {
            result = audit.list(user, format, date("from", from), date("to", to), paging.within(result.totalElements()).page(),
                    paging.size());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("filters", Map.of("user", nz(user), "format", nz(format), "from", nz(from), "to", nz(to)));
        model.put("formats", ReportAudit.FORMATS);
        model.put("query", "user=" + enc(user) + "&format=" + enc(format) + "&from=" + enc(from) + "&to=" + enc(to));
        return new ModelAndView<>("report/audit", model);
    }

    @Get("/api/reports/thresholds")
    @Secured({"ADMIN", "HR", "SUPERVISOR"})
    Thresholds getThresholds() {
        return thresholds.current();
    }

    /** Every threshold must be named (null: not checked); an unknown field is 422, never silently dropped. */
    @Put("/api/reports/thresholds")
    @Secured({"ADMIN", "HR", "SUPERVISOR", "AGENT"})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThresholdService.Change.class, requiredProperties = {"csatMin", "firstResponseMin",
                    "resolutionMin", "knowledgeMin"})))
    Thresholds putThresholds(Authentication auth, @Body JsonNode change) {
        if (!change.isObject()) {
            throw new BadRequestException("The body must be a JSON object of the four thresholds");
        }
        // a JSON tree, not a Map: a Map would lose the keys whose value is null
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : change.entries()) {
            JsonNode v = e.getValue();
            fields.put(e.getKey(), v.isNull() ? null : v.isString() ? v.getStringValue() : v.isNumber() ? v.getBigDecimalValue() : v);
        }
        return thresholds.change(viewers.of(auth), fields);
    }

    static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD");
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String enc(@Nullable String s) {
        return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
