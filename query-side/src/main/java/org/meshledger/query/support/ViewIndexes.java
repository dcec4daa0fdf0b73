package org.meshledger.query.support;

/**
 * The keys of a view update that applies only over what was read ({@link ViewUpdates#unchanged}). On MongoDB the
 * {@code _id} index answers it anyway; the embedded store uses an index only for a query naming exactly the keys of
 * a unique one, so without these every conditional update would scan the whole view.
 */
public final class ViewIndexes {

    public static final String VERSIONED = "{'_id': 1, 'version': 1}";
    public static final String VERSIONED_WITH_OBSERVATIONS = "{'_id': 1, 'version': 1, 'observationVersion': 1}";

    private ViewIndexes() {}
}
