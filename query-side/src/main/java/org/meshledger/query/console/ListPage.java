package org.meshledger.query.console;

import java.util.List;

/**
 * One page of a list read whole, and where it sits among the list's pages (numbered from 0). A long past is shown a
 * page at a time: a person scans a page, and rendering every row on every visit is what makes a page slow.
 */
public record ListPage<T>(List<T> items, int number, int pages, int offset, int total) {

    /** Page {@code number} of {@code all}, {@code size} to a page; past the last page is the last page. */
    static <T> ListPage<T> of(List<T> all, int size, int number) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int shown = Math.min(Math.max(0, number), pages - 1);
        int offset = shown * size;
        return new ListPage<>(
                all.subList(offset, Math.min(all.size(), offset + size)), shown, pages, offset, all.size());
    }

    /** Page {@code number} as read by itself, {@code size} to a page, of a list {@code total} long. */
    static <T> ListPage<T> window(List<T> items, int number, int size, int total) {
        return new ListPage<>(items, number, Math.max(1, (total + size - 1) / size), number * size, total);
    }

    /** The page holding the item at {@code index}. */
    static int holding(int index, int size) {
        return index / size;
    }

    /** The first item's place in the whole list, counted from 1 as a person reads it. */
    public int firstShown() {
        return offset + 1;
    }

    public int lastShown() {
        return offset + items.size();
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < pages;
    }
}
