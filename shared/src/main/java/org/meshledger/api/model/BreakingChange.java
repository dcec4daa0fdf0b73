package org.meshledger.api.model;

import java.util.Set;
import org.meshledger.api.model.Compatibility.Direction;

/** One object or property whose change breaks consumers or history: the rule it breaks and in which directions. */
public record BreakingChange(String path, String rule, Set<Direction> directions, Object oldValue, Object newValue) {}
