package org.meshledger.command.governance;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The people with governance rights, as configured ({@code meshledger.governance.stewards}). */
public final class Stewards {

    private final Set<String> emails;

    public Stewards(Set<String> emails) {
        this.emails = emails.stream().map(Stewards::normalise).collect(Collectors.toUnmodifiableSet());
    }

    public boolean includes(String person) {
        return person != null && emails.contains(normalise(person));
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
