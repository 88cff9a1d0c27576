package com.servicecoach.report;

import com.servicecoach.web.Messages;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.util.List;
import java.util.Locale;

/**
 * {@code ${msg("key", arg...)}} for documents rendered outside a web request (the PDF, the HTML file, the
 * command line), in a chosen language; pages get the same function from the layout.
 */
final class ReportMessages implements TemplateMethodModelEx {

    private final Messages messages;
    private final Locale locale;

    ReportMessages(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("msg needs a key");
        }
        String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
        }
        return messages.get(locale, key, args);
    }
}
