package org.meshledger.platform.eventstore;

/** How far the global event index has been handed out: how the query side measures a view's lag. */
public interface EventLogHead {

    /** One past the highest global index allocated so far (0 for an empty store). */
    long nextIndex();
}
