package org.meshledger.command.subscription;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Send again every notification about an event at or after {@code since}. */
record ReplayRequest(@NotNull Instant since) {}
