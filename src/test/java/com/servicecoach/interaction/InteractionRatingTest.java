package com.servicecoach.interaction;

import static com.servicecoach.interaction.TestCsv.ok;
import static com.servicecoach.interaction.TestCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InteractionRatingTest {

    @ParameterizedTest(name = "rating {0} on scale ''{1}'' is stored as {2}")
    @CsvSource(delimiter = '|', value = {
            "1|10|1", "10|10|10", "7||7", "07|10|7", "+8|10|8",
            "1|5|2", "3|5|6", "5|5|10", " 4 | 5 |8"})
    void ratingIsStoredOnThe10PointScale(String rating, String scale, int stored) {
        assertEquals(stored, ok(row("rating", rating, "rating_scale", scale == null ? "" : scale)).rating10());
    }

    @Test
    void scaleIsIgnoredWhenRatingIsEmpty() {
        assertNull(ok(row("rating", "", "rating_scale", "7")).rating10());
    }
}
