package org.meshledger.api.command;

import java.util.List;

/** {@code rejected} lists, by position in the command's list, the observations that were not recorded and why. */
public record ObservationsRecorded(int accepted, List<Rejection> rejected) {

    public record Rejection(int index, String code, String detail) {}
}
