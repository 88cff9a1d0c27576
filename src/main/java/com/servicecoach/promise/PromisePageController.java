package com.servicecoach.promise;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.Formats;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /promises}: the open promises ({@link PromiseService}): the window to look ahead, a team for those who see
 * several, the owners' counts and the contacts, oldest due first, sorted and paged. As fresh as the latest import:
 * the page says when that finished and offers a link to load it again. A bad window is a 400.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PromisePageController {

    /** Contacts per page. */
    static final int PAGE_SIZE = 50;

    private final PromiseService promises;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Messages messages;

    PromisePageController(PromiseService promises, Viewers viewers, ScoringSettingsService settings, Messages messages) {
        this.promises = promises;
        this.viewers = viewers;
        this.settings = settings;
        this.messages = messages;
    }

    @Get("/promises")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String within,
                                           @Nullable @QueryValue String team, @Nullable @QueryValue String owner,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        Duration window = PromiseService.within(within);
        String teamName = team == null ? "" : team.strip();
        String ownerNo = owner == null ? "" : owner.strip();
        Paging paging = Paging.parse(page, PAGE_SIZE, sort, "due", PromiseService.SORTABLE);
        PromiseService.Promises p = promises.open(viewer, window, teamName, ownerNo);
        PageResponse<PromiseService.Contact> result = paging.applyWithin(p.contacts(), PromiseService.ORDER);

        String withinParam = PromiseService.withinParam(window);
        String query = "within=" + PromiseService.enc(withinParam)
                + (teamName.isEmpty() ? "" : "&team=" + PromiseService.enc(teamName))
                + (ownerNo.isEmpty() ? "" : "&owner=" + PromiseService.enc(ownerNo));
        Map<String, Object> model = new HashMap<>();
        model.put("promises", p);
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("query", query);
        model.put("within", withinParam);
        model.put("withinChoices", PromiseService.WITHIN_CHOICES);
        model.put("team", teamName);
        model.put("owner", ownerNo);
        model.put("teams", promises.teamChoices(viewer));
        model.put("isAgent", viewer.isAgent());
        model.put("maxOpen", promises.maxOpen());
        model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), settings.current().settings().orgZone()));
        return new ModelAndView<>("promise/list", model);
    }
}
