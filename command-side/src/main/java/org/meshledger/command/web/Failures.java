package org.meshledger.command.web;

/** What a command's failure was, under the wrappers the command bus and the gateway put around it. */
public final class Failures {

    private Failures() {}

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
