package fr.convergence.partnership.api;

import fr.convergence.kit.web.ApiException;

import java.util.List;

/** One page of a list: the items, the page asked, its size and the total. */
public record Page<T>(List<T> items, int page, int size, int total) {

    static <T> Page<T> of(List<T> all, int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page", "page must be >= 0");
        }
        if (size < 1 || size > 200) {
            throw ApiException.badRequest("size", "size must be between 1 and 200");
        }
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
