package com.servicecoach.account;

import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pages for administrators to create, edit, disable users and reset passwords. */
@Hidden
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller("/admin/users")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserPageController {

    private final AccountService accounts;
    private final Clock clock;
    private final FormErrors formErrors;

    UserPageController(AccountService accounts, Clock clock, FormErrors formErrors) {
        this.accounts = accounts;
        this.clock = clock;
        this.formErrors = formErrors;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue String sort,
                                           @Nullable @QueryValue String q) {
        Paging paging = Paging.parse(page, 25, sort, "username", UserApiController.SORTABLE);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String query = q == null ? "" : q.trim().toLowerCase();
        List<UserView> all = accounts.list().stream()
                .filter(u -> query.isEmpty() || u.username().contains(query)
                        || (u.employeeNo() != null && u.employeeNo().toLowerCase().contains(query)))
                .map(u -> UserView.of(u, now)).toList();
        PageResponse<UserView> result = paging.applyWithin(all, Map.of(
                "username", Comparator.comparing(UserView::username),
                "role", Comparator.comparing((UserView u) -> u.role().name()),
                "enabled", Comparator.comparing(UserView::enabled),
                "createdAt", Comparator.comparing(UserView::createdAt)));
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("q", q == null ? "" : q);
        return new ModelAndView<>("account/users", model);
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> newForm() {
        return form(Map.of("role", "AGENT"), List.of(), true, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
        try {
            accounts.create(new UserForm(form.get("username"), form.get("password"), form.get("role"), form.get("employeeNo")));
            return HttpResponse.seeOther(URI.create("/admin/users?created=" + form.get("username")));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(form(form, formErrors.describe(request, e), true, null));
        }
    }

    @Get("/{username}")
    ModelAndView<Map<String, Object>> editForm(@PathVariable String username) {
        User user = accounts.get(username);
        Map<String, String> values = new HashMap<>();
        values.put("username", user.username());
        values.put("role", user.role().name());
        values.put("employeeNo", user.employeeNo() == null ? "" : user.employeeNo());
        values.put("enabled", String.valueOf(user.enabled()));
        return form(values, List.of(), false, UserView.of(user, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
    }

    @Post(value = "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, @PathVariable String username, @Body Map<String, String> form) {
        User user = accounts.get(username);
        try {
            accounts.update(username, new UserChange(form.get("role"), "on".equals(form.get("enabled")) || "true".equals(form.get("enabled")),
                    form.get("password"), form.get("employeeNo")));
            return HttpResponse.seeOther(URI.create("/admin/users?updated=" + username));
        } catch (InvalidInputException e) {
            Map<String, String> values = new HashMap<>(form);
            values.put("username", username);
            values.put("enabled", String.valueOf("on".equals(form.get("enabled"))));
            return HttpResponse.unprocessableEntity().body(form(values, formErrors.describe(request, e), false,
                    UserView.of(user, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))));
        }
    }

    private ModelAndView<Map<String, Object>> form(Map<String, String> values, List<FormErrors.Shown> errors,
                                                   boolean creating, @Nullable UserView existing) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> v = new HashMap<>(values);
        v.remove("password");
        v.remove("_csrf");
        model.put("values", v);
        model.put("errors", FormErrors.byField(errors));
        model.put("creating", creating);
        model.put("existing", existing);
        model.put("roles", Arrays.stream(Role.values()).map(Enum::name).toList());
        return new ModelAndView<>("account/user-form", model);
    }
}
