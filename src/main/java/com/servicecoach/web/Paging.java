package com.servicecoach.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paging and sorting of lists: {@code page} from 0, {@code size} (1-200, default 20), {@code sort=field,asc|desc}.
 * The sortable fields are named by each list; anything else is a 400. A page number that is not a whole number
 * from 0 to 2147483647 is a 400 too (a query value that is no int fails conversion; negative ones fail here).
 *
 * <p>A page past the last is empty in the JSON API ({@link #apply}) and shows the last page on HTML pages
 * ({@link #applyWithin}, {@link #within}). Offsets are long: {@code page * size} overflows an int near
 * page 2^31.
 */
public record Paging(int page, int size, String sortField, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static Paging parse(Integer page, Integer size, String sort, String defaultField, List<String> sortable) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new BadRequestException("page must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_SIZE);
        }
        String field = defaultField;
        boolean asc = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            field = parts[0].trim();
            if (!sortable.contains(field)) {
                throw new BadRequestException("sort field must be one of " + sortable);
            }
            if (parts.length > 1) {
                String dir = parts[1].trim().toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new BadRequestException("sort direction must be asc or desc");
                }
                asc = dir.equals("asc");
            }
        }
        return new Paging(p, s, field, asc);
    }

    /** The first row of the page, as a long (an int overflows near page 2^31). */
    public long offset() {
        return (long) page * size;
    }

    /** The last page holding any of {@code total} rows; 0 when there are none. */
    public static int lastPage(long total, int size) {
        return total <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total - 1) / size);
    }

    /** This paging, moved back to the last page when it lies past it (what HTML lists show). */
    public Paging within(long total) {
        int last = lastPage(total, size);
        return page > last ? new Paging(last, size, sortField, ascending) : this;
    }

    /**
     * Sorts and cuts an in-memory list; comparators are keyed by the sortable field names. A page past the last
     * is empty (the JSON API).
     */
    public <T> PageResponse<T> apply(List<T> all, Map<String, Comparator<T>> comparators) {
        Comparator<T> c = comparators.get(sortField);
        List<T> sorted = all;
        if (c != null) {
            sorted = all.stream().sorted(ascending ? c : c.reversed()).toList();
        }
        int from = (int) Math.min(offset(), sorted.size());
        int to = (int) Math.min(from + (long) size, sorted.size());
        return new PageResponse<>(sorted.subList(from, to), page, size, sorted.size());
    }

    /** As {@link #apply}, but a page past the last shows the last page (HTML lists). */
    public <T> PageResponse<T> applyWithin(List<T> all, Map<String, Comparator<T>> comparators) {
        return within(all.size()).apply(all, comparators);
    }

    public String sortParam() {
        return sortField + "," + (ascending ? "asc" : "desc");
    }
}
