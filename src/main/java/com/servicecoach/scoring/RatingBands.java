package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
/** How many ratings fall in each band (metrics.md, "Customer ratings"). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RatingBands(int verySatisfied, int satisfied, int neutral, int dissatisfied, int veryDissatisfied) {

    /** The count of one band. */
    public int count(RatingBand band) {
        return switch (band) {
            case VERY_SATISFIED -> verySatisfied;
            case SATISFIED -> satisfied;
            case NEUTRAL -> neutral;
            case DISSATISFIED -> dissatisfied;
            case VERY_DISSATISFIED -> veryDissatisfied;
        };
    }

    /** Ratings of 7 or more: the numerator of CSAT %. */
    public int satisfiedOrBetter() {
        return verySatisfied + satisfied;
    }

    /** All ratings. */
    public int total() {
        return verySatisfied + satisfied + neutral + dissatisfied + veryDissatisfied;
    }
}
