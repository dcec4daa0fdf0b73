package org.meshledger.api.model;

import java.time.Instant;

/** One measured value of an indicator at an instant, as an integration reports it. */
public record SliMeasurement(Indicator indicator, double value, Instant observedAt) {}
