package com.servicecoach.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** Pages name their icon ({@code /assets/favicon.svg}); clients that ask for /favicon.ico anyway are sent there. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class FaviconController {

    @Get("/favicon.ico")
    HttpResponse<?> favicon() {
        return HttpResponse.status(io.micronaut.http.HttpStatus.MOVED_PERMANENTLY).header("Location", "/assets/favicon.svg");
    }
}
