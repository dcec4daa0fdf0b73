package org.meshledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What verifying one aggregate's chain found: {@code checked} events whose links hold, and where the chain breaks
 * ({@code firstBrokenSequence}, {@code problem}) when it does. {@code checkpointSequence} is the head the latest
 * checkpoint recorded, when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerdict(
        String aggregateId,
        boolean ok,
        long checked,
        Long firstBrokenSequence,
        String problem,
        Long checkpoint,
        Long checkpointSequence) {

    static ChainVerdict intact(String aggregateId, long checked, CheckpointHead head) {
        return new ChainVerdict(
                aggregateId,
                true,
                checked,
                null,
                null,
                head == null ? null : head.checkpoint(),
                head == null ? null : head.sequence());
    }

    static ChainVerdict broken(String aggregateId, long checked, long at, String problem, CheckpointHead head) {
        return new ChainVerdict(
                aggregateId,
                false,
                checked,
                at,
                problem,
                head == null ? null : head.checkpoint(),
                head == null ? null : head.sequence());
    }
}
