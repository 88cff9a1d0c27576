package com.servicecoach.web;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.exceptions.ViewRenderingException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code views/NAME.ftlh} with FreeMarker, HTML auto-escaping on. The page is rendered into a
 * buffer first, so a template error becomes a 500 error page instead of a truncated 200.
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
class FreemarkerViewsRenderer implements ViewsRenderer<Object, Object> {

    private final Configuration freemarker;

    FreemarkerViewsRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(getClass().getClassLoader(), "views");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("computer");
        freemarker.setBooleanFormat("c");
        freemarker.setLocale(Locale.ENGLISH);
    }

    @Override
    public @NonNull Writable render(@NonNull String viewName, @Nullable Object data, @Nullable Object request) {
        try {
            Template template = freemarker.getTemplate(viewName + ".ftlh");
            StringWriter out = new StringWriter(8192);
            template.process(data == null ? Map.of() : data, out);
            String html = out.toString();
            return writer -> writer.write(html);
        } catch (IOException | TemplateException e) {
            throw new ViewRenderingException("Could not render view " + viewName, e);
        }
    }

    @Override
    public boolean exists(@NonNull String viewName) {
        try {
            freemarker.getTemplate(viewName + ".ftlh");
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
