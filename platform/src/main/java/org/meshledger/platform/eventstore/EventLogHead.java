package org.meshledger.platform.eventstore;

/** How far the global event index has been handed out: how the query side measures a view's lag. */
public interface EventLogHead {

    /** One past the highest global index allocated so far (0 for an empty store). */
    long nextIndex();

    /**
     * The highest index from {@code position} on up to which every index is known to hold nothing to read: a view at
     * {@code position} has in effect read that far. A token moves only with an event, so a view whose last event is
     * followed by abandoned indexes (commands that lost a race) stays at that event until the next one is stored.
     */
    default long readThrough(long position) {
        return position;
    }
}
