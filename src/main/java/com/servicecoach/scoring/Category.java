package com.servicecoach.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a contact was about (metrics.md, "Interactions": the {@code category} column, default {@code other}).
 * Imports check against it, training modules name the categories they address with its codes, and scorecards
 * break figures down by it.
 */
public enum Category {
    PRE_SALES("pre_sales"),
    ORDER_STATUS("order_status"),
    LOGISTICS("logistics"),
    RETURN_REFUND("return_refund"),
    COMPLAINT("complaint"),
    PRODUCT_QUALITY("product_quality"),
    PAYMENT("payment"),
    ACCOUNT_PRIVACY("account_privacy"),
    OTHER("other");

    /** Every code, in the order metrics.md lists them (the order of lists and breakdowns). */
    public static final List<String> CODES = Arrays.stream(values()).map(Category::code).toList();

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The code used in CSV files, JSON and module.yml, e.g. {@code "return_refund"}. */
    public String code() {
        return code;
    }

    /** The category for a code, trimmed and case-insensitive; empty when the code is null or unknown. */
    public static Optional<Category> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Category category : values()) {
            if (category.code.equals(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
