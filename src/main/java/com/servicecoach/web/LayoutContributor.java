package com.servicecoach.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/**
 * Adds a feature's values for the page frame (for example the unread-notification count in the header)
 * to the model of every page a signed-in user sees. Implementations are beans; keep them cheap.
 */
public interface LayoutContributor {

    void contribute(HttpRequest<?> request, Authentication authentication, Map<String, Object> model);
}
