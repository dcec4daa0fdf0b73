package org.meshledger.api.command;

/** The answer to a team command: the team's domain and its event sequence number after it. */
public record TeamRecorded(String team, String domain, long version) {}
