package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

/** From now on the team belongs to {@code domain}: products it owns elsewhere are cross-domain. */
@Revision("1")
public record TeamRegistered(String team, String domain) {}
