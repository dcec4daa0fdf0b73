package org.meshledger.platform.audit;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.ChainHash;
import org.meshledger.platform.eventstore.StoredEvent;

/**
 * Re-computes an aggregate's hash chain from its stored events and compares its end with the latest checkpoint: an
 * edited event breaks its own hash, a deleted one leaves a missing sequence, and deleting the last events leaves a
 * chain shorter than a checkpoint already recorded.
 */
public class ChainVerifier {

    private final AuditTrail trail;
    private final Checkpoints checkpoints;

    public ChainVerifier(AuditTrail trail, Checkpoints checkpoints) {
        this.trail = trail;
        this.checkpoints = checkpoints;
    }

    /** Empty when the store holds nothing of the aggregate and no checkpoint knows it. */
    public Optional<ChainVerdict> verify(String aggregateId) {
        return verifyStored(aggregateId).map(Verified::verdict);
    }

    /** The verdict and the stored events it judged, read once; empty as for {@link #verify}. */
    public Optional<Verified> verifyStored(String aggregateId) {
        CheckpointHead head = checkpoints.headOf(aggregateId).orElse(null);
        List<StoredEvent> events = trail.stream(aggregateId, head == null ? 0 : head.sequence());
        if (events.isEmpty() && head == null) {
            return Optional.empty();
        }
        return Optional.of(new Verified(judge(aggregateId, events, head), events));
    }

    /** The aggregate's stored events without their payloads, to list; empty as for {@link #verify}. */
    public Optional<List<StoredEvent>> listStored(String aggregateId) {
        CheckpointHead head = checkpoints.headOf(aggregateId).orElse(null);
        List<StoredEvent> events = trail.listing(aggregateId, head == null ? 0 : head.sequence());
        return events.isEmpty() && head == null ? Optional.empty() : Optional.of(events);
    }

    /** A verdict with the events, in sequence order, that it was reached on. */
    public record Verified(ChainVerdict verdict, List<StoredEvent> events) {}

    /**
     * Every aggregate the mesh-wide verification covers: those a checkpoint knows (so one deleted whole is still
     * missed) and those with events stored since it.
     */
    public SortedSet<String> aggregates() {
        SortedSet<String> all = new TreeSet<>();
        checkpoints.allHeads().forEach(head -> all.add(head.aggregateId()));
        long from = checkpoints.latest().map(Checkpoints.Checkpoint::position).orElse(0L);
        trail.forEachStored(from, trail.nextIndex(), event -> all.add(event.aggregateId()));
        return all;
    }

    private static ChainVerdict judge(String aggregateId, List<StoredEvent> events, CheckpointHead head) {
        String previous = ChainHash.GENESIS;
        long expected = 0;
        for (StoredEvent event : events) {
            if (event.sequence() != expected) {
                return ChainVerdict.broken(
                        aggregateId,
                        expected,
                        expected,
                        "sequence %d is missing; the next stored event is %d".formatted(expected, event.sequence()),
                        head);
            }
            if (!event.expectedHash(previous).equals(event.hash())) {
                return ChainVerdict.broken(
                        aggregateId,
                        expected,
                        expected,
                        "event %d does not match its hash: it was changed after it was recorded".formatted(expected),
                        head);
            }
            if (head != null
                    && event.sequence() == head.sequence()
                    && !event.hash().equals(head.hash())) {
                return ChainVerdict.broken(
                        aggregateId,
                        expected,
                        expected,
                        "event %d differs from checkpoint %d: the chain was rewritten from here on"
                                .formatted(expected, head.checkpoint()),
                        head);
            }
            previous = event.hash();
            expected++;
        }
        if (head != null && head.sequence() >= expected) {
            return ChainVerdict.broken(
                    aggregateId,
                    expected,
                    expected,
                    "the chain ends at sequence %d, but checkpoint %d recorded sequence %d: events were deleted"
                            .formatted(expected - 1, head.checkpoint(), head.sequence()),
                    head);
        }
        return ChainVerdict.intact(aggregateId, expected, head);
    }
}
