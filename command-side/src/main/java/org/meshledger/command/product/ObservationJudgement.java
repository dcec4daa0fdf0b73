package org.meshledger.command.product;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meshledger.api.command.ObservationsRecorded.Rejection;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.SliMeasurement;
import org.meshledger.api.model.Slo;

/** Judges each observation once, on arrival, against the SLO in force: accepted and good or bad, or rejected. */
record ObservationJudgement(List<SliObserved> accepted, List<Rejection> rejected) {

    /** Integrations' clocks drift; an observation this far ahead of ours is still taken as "now". */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    static ObservationJudgement of(
            String productId, Map<Indicator, Slo> slos, List<SliMeasurement> measurements, Instant now) {
        List<SliObserved> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int index = 0; index < measurements.size(); index++) {
            SliMeasurement measurement = measurements.get(index);
            Slo slo = slos.get(measurement.indicator());
            if (slo == null) {
                rejected.add(new Rejection(
                        index,
                        ErrorCode.NO_SUCH_SLO.name(),
                        "Product '%s' has no %s SLO"
                                .formatted(productId, measurement.indicator().wireName())));
            } else if (measurement.observedAt().isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
                rejected.add(new Rejection(
                        index,
                        ErrorCode.OBSERVED_IN_FUTURE.name(),
                        "observedAt %s lies in the future".formatted(measurement.observedAt())));
            } else {
                boolean good = measurement.indicator().isGood(measurement.value(), slo.threshold());
                accepted.add(new SliObserved(
                        productId, measurement.indicator(), measurement.value(), measurement.observedAt(), slo, good));
            }
        }
        return new ObservationJudgement(List.copyOf(accepted), List.copyOf(rejected));
    }

    RuleViolation refusal() {
        ErrorCode code = ErrorCode.valueOf(rejected.get(0).code());
        List<FieldError> errors = rejected.stream()
                .map(rejection -> new FieldError("/" + rejection.index(), rejection.detail()))
                .toList();
        return new RuleViolation(
                code, "%d of the observations cannot be recorded; none were".formatted(rejected.size()), errors);
    }
}
