package org.meshledger.api.model;

/**
 * Which products a subscription hears about; exactly one is set: every product {@code consumedBy} consumes (following
 * its registrations as they change), one {@code product}, every product of a {@code domain}, or the whole
 * {@code mesh}.
 */
public record SubscriptionScope(String consumedBy, String product, String domain, Boolean mesh) {

    /** How many of the four choices are made: a scope is valid with exactly one. */
    public int choices() {
        int made = 0;
        made += consumedBy != null ? 1 : 0;
        made += product != null ? 1 : 0;
        made += domain != null ? 1 : 0;
        made += Boolean.TRUE.equals(mesh) ? 1 : 0;
        return made;
    }
}
