package org.meshledger.api.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which contract changes a product refuses without a new major, in a schema registry's vocabulary. The transitive
 * modes check a new version against every earlier one, the others against the latest only.
 */
public enum Compatibility {
    FULL(EnumSet.of(Direction.BACKWARD, Direction.FORWARD), false),
    FULL_TRANSITIVE(EnumSet.of(Direction.BACKWARD, Direction.FORWARD), true),
    BACKWARD(EnumSet.of(Direction.BACKWARD), false),
    BACKWARD_TRANSITIVE(EnumSet.of(Direction.BACKWARD), true),
    FORWARD(EnumSet.of(Direction.FORWARD), false),
    FORWARD_TRANSITIVE(EnumSet.of(Direction.FORWARD), true),
    NONE(EnumSet.noneOf(Direction.class), false);

    private final Set<Direction> enforced;
    private final boolean transitive;

    Compatibility(Set<Direction> enforced, boolean transitive) {
        this.enforced = enforced;
        this.transitive = transitive;
    }

    public boolean enforces(Direction direction) {
        return enforced.contains(direction);
    }

    public boolean transitive() {
        return transitive;
    }

    /**
     * BACKWARD: the new contract still describes the data already published. FORWARD: consumers built on the old
     * contract keep working on data published under the new one.
     */
    public enum Direction {
        BACKWARD,
        FORWARD
    }
}
