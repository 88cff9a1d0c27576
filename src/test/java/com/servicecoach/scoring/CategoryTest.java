package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The categories are exactly metrics.md's, in its order, and codes are read as the import reads them. */
class CategoryTest {

    @Test
    void theCodesAreThoseOfMetricsMdInItsOrder() {
        assertEquals(List.of("pre_sales", "order_status", "logistics", "return_refund", "complaint", "product_quality",
                "payment", "account_privacy", "other"), Category.CODES);
    }

    @Test
    void codesAreReadTrimmedAndWithoutRegardToCase() {
        assertEquals(Optional.of(Category.RETURN_REFUND), Category.fromCode(" Return_Refund "));
        assertEquals(Optional.of(Category.OTHER), Category.fromCode("other"));
        assertEquals(Optional.empty(), Category.fromCode("returns"));
        assertEquals(Optional.empty(), Category.fromCode(null));
    }
}
