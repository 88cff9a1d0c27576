package com.servicecoach.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paging and sorting of lists: {@code page} from 0, {@code size} (1-200, default 20), {@code sort=field,asc|desc}.
 * The sortable fields are named by each list; anything else is a 400.
 */
public record Paging(int page, int size, String sortField, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static Paging parse(Integer page, Integer size, String sort, String defaultField, List<String> sortable) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new BadRequestException("page must be 0 or more");
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

    /** Sorts and cuts an in-memory list; comparators are keyed by the sortable field names. */
    public <T> PageResponse<T> apply(List<T> all, Map<String, Comparator<T>> comparators) {
        Comparator<T> c = comparators.get(sortField);
        List<T> sorted = all;
        if (c != null) {
            sorted = all.stream().sorted(ascending ? c : c.reversed()).toList();
        }
        int from = Math.min(page * size, sorted.size());
        int to = Math.min(from + size, sorted.size());
        return new PageResponse<>(sorted.subList(from, to), page, size, sorted.size());
    }

    public String sortParam() {
        return sortField + "," + (ascending ? "asc" : "desc");
    }
}
