package org.meshledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.eventstore.StoreProperties;
import org.meshledger.platform.testing.TestStore;

class IdempotencyRecordsTest {

    private static final Instant CLAIMED = Instant.parse("2026-12-01T09:00:00Z");

    private final IdempotencyRecords records = new IdempotencyRecords(
            TestStore.client(),
            new StoreProperties(
                    "idempotency_" + UUID.randomUUID().toString().substring(0, 8), null, null, null, null, null, null),
            Duration.ofHours(24),
            Duration.ofSeconds(30));

    @Test
    void givenAnAnsweredKey_whenItIsSentAgainWithinTheTtl_thenTheFirstAnswerIsReplayed() {
        assertThat(records.claimOrFind("key-1", "hash-a", CLAIMED)).isEmpty();
        records.complete("key-1", answer());

        var replayed = records.claimOrFind("key-1", "hash-a", CLAIMED.plus(Duration.ofHours(23)));

        assertThat(replayed).hasValueSatisfying(stored -> {
            assertThat(stored.requestHash()).isEqualTo("hash-a");
            assertThat(stored.response()).hasValueSatisfying(response -> assertThat(response.status())
                    .isEqualTo(201));
        });
    }

    @Test
    void givenAnAnsweredKey_whenItIsSentAgainAfterTheTtl_thenItIsClaimedAfresh() {
        records.claimOrFind("key-2", "hash-a", CLAIMED);
        records.complete("key-2", answer());

        assertThat(records.claimOrFind("key-2", "hash-b", CLAIMED.plus(Duration.ofHours(24))))
                .as("free again: a new request with another body runs")
                .isEmpty();
        assertThat(records.claimOrFind(
                        "key-2", "hash-b", CLAIMED.plus(Duration.ofHours(24).plusSeconds(10))))
                .as("the new claim is the one kept")
                .hasValueSatisfying(stored -> assertThat(stored.requestHash()).isEqualTo("hash-b"));
    }

    @Test
    void givenAKeyLeftInFlightByADeadProcess_whenRetriedAfterTheLease_thenTheRetryClaimsIt() {
        records.claimOrFind("key-3", "hash-a", CLAIMED);

        assertThat(records.claimOrFind("key-3", "hash-a", CLAIMED.plus(Duration.ofSeconds(10))))
                .as("still in flight within the lease: the first request may still answer")
                .hasValueSatisfying(stored -> assertThat(stored.response()).isEmpty());
        assertThat(records.claimOrFind("key-3", "hash-a", CLAIMED.plus(Duration.ofSeconds(31))))
                .as("a claim never answered within the lease no longer blocks its key")
                .isEmpty();
        assertThat(records.claimOrFind("key-3", "hash-a", CLAIMED.plus(Duration.ofSeconds(40))))
                .as("the retry's claim is in flight in turn")
                .hasValueSatisfying(stored -> assertThat(stored.response()).isEmpty());
    }

    private static IdempotencyRecords.StoredResponse answer() {
        return new IdempotencyRecords.StoredResponse(
                201, "application/json", "/api/products/p", "\"1\"", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
