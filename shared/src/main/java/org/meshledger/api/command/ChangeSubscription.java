package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A change to one existing subscription: paused, resumed, deleted, or its secret rotated to {@code keyId}.
 * {@code RESUME_DISABLED} resumes one its receiver disabled (410 Gone), whether or not it was also paused.
 */
public record ChangeSubscription(
        @TargetAggregateIdentifier String subscriptions, String subscriptionId, Change change, String keyId) {

    public enum Change {
        PAUSE,
        RESUME,
        RESUME_DISABLED,
        DELETE,
        ROTATE_SECRET
    }
}
