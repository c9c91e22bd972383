package org.openbudget.web.pages;

import java.util.List;

/**
 * One page of a long list: its items, which page (from 1) of how many, and how many items in all. A page asked for
 * beyond the last is the last; anything not a page number is the first.
 */
public record Paging<T>(List<T> items, int page, int pages, int total, int size) {
    public static final int SIZE = 50;

    public static <T> Paging<T> of(List<T> all, String page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = 1;
        if (page != null && page.strip().matches("\\d{1,9}")) p = Math.max(1, Math.min(pages, Integer.parseInt(page.strip())));
        int from = (p - 1) * size;
        return new Paging<>(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())), p, pages, all.size(), size);
    }

    public boolean hasPrevious() { return page > 1; }

    public boolean hasNext() { return page < pages; }

    public int first() { return total == 0 ? 0 : (page - 1) * size + 1; }

    public int last() { return (page - 1) * size + items.size(); }
}
