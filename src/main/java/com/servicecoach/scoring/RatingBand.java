package com.servicecoach.scoring;

/**
 * The five bands of a rating on the 1-10 scale (metrics.md, "Customer ratings"). A rating r on the
 * 5-point scale is stored as 2r before it is banded.
 */
public enum RatingBand {
    VERY_SATISFIED("very_satisfied", 9, 10),
    SATISFIED("satisfied", 7, 8),
    NEUTRAL("neutral", 5, 6),
    DISSATISFIED("dissatisfied", 3, 4),
    VERY_DISSATISFIED("very_dissatisfied", 1, 2);

    private final String code;
    private final int min;
    private final int max;

    RatingBand(String code, int min, int max) {
        this.code = code;
        this.min = min;
        this.max = max;
    }

    /** The code used in query parameters, e.g. {@code "very_satisfied"}. */
    public String code() {
        return code;
    }

    /** The lowest rating of this band. */
    public int min() {
        return min;
    }

    /** The highest rating of this band. */
    public int max() {
        return max;
    }

    /** The band of a rating on the 1-10 scale. */
    public static RatingBand of(int rating10) {
        return switch (rating10) {
            case 9, 10 -> VERY_SATISFIED;
            case 7, 8 -> SATISFIED;
            case 5, 6 -> NEUTRAL;
            case 3, 4 -> DISSATISFIED;
            case 1, 2 -> VERY_DISSATISFIED;
            default -> throw new IllegalArgumentException("a rating must be between 1 and 10, was " + rating10);
        };
    }
}
