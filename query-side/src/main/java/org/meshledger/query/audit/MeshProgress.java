package org.meshledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meshledger.platform.audit.ChainVerdict;

/** A progress line names one aggregate; the last line has {@code done} and the counts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeshProgress(
        Long position,
        Integer of,
        String aggregateId,
        boolean ok,
        Long checked,
        Long firstBrokenSequence,
        String problem,
        Boolean done,
        Integer verified,
        Integer broken) {

    static MeshProgress of(ChainVerdict verdict, long position, int of) {
        return new MeshProgress(
                position,
                of,
                verdict.aggregateId(),
                verdict.ok(),
                verdict.checked(),
                verdict.firstBrokenSequence(),
                verdict.problem(),
                null,
                null,
                null);
    }

    static MeshProgress summary(int aggregates, int broken) {
        return new MeshProgress(null, null, null, broken == 0, null, null, null, true, aggregates - broken, broken);
    }

    public boolean finished() {
        return Boolean.TRUE.equals(done);
    }
}
