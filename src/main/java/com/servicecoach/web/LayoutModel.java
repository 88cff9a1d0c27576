package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds what the layout needs to every page's model: the signed-in user and their menu, the language,
 * the {@code msg} function, the CSRF token and the current path.
 */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private final Messages messages;
    private final List<LayoutContributor> contributors;

    LayoutModel(Messages messages, List<LayoutContributor> contributors) {
        this.messages = messages;
        this.contributors = contributors;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        process(request, modelAndView, true);
    }

    /**
     * Adds the frame's values; {@code contributors} false leaves out the features' additions (such as the
     * notification count), which need the database: for the page that says the database is unavailable.
     */
    void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView, boolean contributors) {
        Map<String, Object> model = modelAndView.getModel().orElse(null);
        if (model == null) {
            model = new java.util.HashMap<>();
            modelAndView.setModel(model);
        }
        if (!(model instanceof java.util.HashMap) && !(model instanceof java.util.LinkedHashMap)) {
            model = new java.util.HashMap<>(model);
            modelAndView.setModel(model);
        }
        Locale locale = LocaleResolver.resolve(request);
        model.put("msg", new MessageMethod(messages, locale));
        model.put("lang", Messages.tag(locale));
        model.put("csrfToken", CsrfFilter.tokenFor(request));
        model.put("currentPath", request.getPath());
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth != null) {
            model.put("currentUser", Map.of("username", auth.getName(), "roles", List.copyOf(auth.getRoles()),
                    "role", auth.getRoles().stream().findFirst().orElse("")));
            model.put("nav", Navigation.forRoles(auth.getRoles()));
            if (contributors) {
                for (LayoutContributor c : this.contributors) {
                    c.contribute(request, auth, model);
                }
            }
        } else {
            model.put("nav", List.of());
        }
    }
}
