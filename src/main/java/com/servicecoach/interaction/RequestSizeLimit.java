package com.servicecoach.interaction;

import com.servicecoach.web.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.regex.Pattern;

/**
 * The request size limit: 10 MB, except on the interaction import routes, which stream their body and so take
 * files of any size (the server's own limit is raised for them; buffered bodies stay capped at 10 MB by
 * {@code micronaut.server.max-request-buffer-size}). A larger declared body elsewhere is refused with 413
 * before it is read.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestSizeLimit implements Ordered {

    static final long LIMIT = 10L * 1024 * 1024;
    private static final Pattern STREAMED = Pattern.compile(
            "/api/interactions/import|/api/interactions/imports/\\d+/upload|/interactions/import");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > LIMIT && !STREAMED.matcher(request.getPath()).matches()) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(ApiError.of("The request body is larger than 10 MB"));
        }
        return null;
    }
}
