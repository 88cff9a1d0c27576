package com.servicecoach.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security headers on every response: a Content-Security-Policy, {@code X-Frame-Options: DENY},
 * {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin}.
 *
 * <p>The pages load scripts and styles from the application only (their data for charts is in
 * {@code <script type="application/json">} blocks, which are not run), so their policy allows no inline script
 * or style at all. Swagger UI ({@code /swagger-ui/**}, generated at build time) has one inline script, allowed
 * by its SHA-256 hash read from the generated page at start, and inline styles.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    static final String CSP = "Content-Security-Policy";
    static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    static final String SWAGGER_PAGE = "META-INF/swagger/views/swagger-ui/index.html";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHeaders.class);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String swaggerPolicy;

    SecurityHeaders() {
        this.swaggerPolicy = swaggerPolicy(inlineScriptHashes(SWAGGER_PAGE));
    }

    /** First on the way in, so last on the way out: it also sees the answers of filters that stop a request. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (!headers.contains(CSP)) {
            headers.set(CSP, request.getPath().startsWith("/swagger-ui/") ? swaggerPolicy : PAGES);
        }
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
    }

    static String swaggerPolicy(List<String> scriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self'");
        scriptHashes.forEach(h -> scripts.append(" '").append(h).append('\''));
        return "default-src 'self'; " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self'";
    }

    /** The CSP hashes ({@code sha256-...}) of the inline scripts of a page on the class path; none when it is absent. */
    static List<String> inlineScriptHashes(String resource) {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = SecurityHeaders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return hashes;
            }
            // browsers hash the script's text after the HTML parser has turned CRLF and CR into LF
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            Matcher m = INLINE_SCRIPT.matcher(html);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            while (m.find()) {
                byte[] digest = sha256.digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("sha256-" + Base64.getEncoder().encodeToString(digest));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            LOG.warn("Cannot read {} to allow its inline script: Swagger UI will not run", resource, e);
        }
        return hashes;
    }
}
