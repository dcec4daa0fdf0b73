package org.meshledger.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A change to one existing subscription: paused, resumed, deleted, or its secret rotated to {@code keyId}. */
public record ChangeSubscription(
        @TargetAggregateIdentifier String subscriptions, String subscriptionId, Change change, String keyId) {

    public enum Change {
        PAUSE,
        RESUME,
        DELETE,
        ROTATE_SECRET
    }
}
