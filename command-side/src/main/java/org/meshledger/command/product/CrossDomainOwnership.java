package org.meshledger.command.product;

import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.command.team.TeamDirectory;
import org.meshledger.command.team.TeamDirectory.RegisteredTeam;

/**
 * Ownership by a registered team of another domain is governance's call: decision rights follow the domain. An
 * unregistered team is never judged cross-domain; a retired team can own nothing new.
 */
final class CrossDomainOwnership {

    private CrossDomainOwnership() {}

    /** @return the owner team's domain, to be recorded with the registration; null for an unregistered team */
    static String judgeRegistration(String domain, String ownerTeam, TeamDirectory teams, boolean bySteward) {
        return judge(domain, ownerTeam, teams, bySteward, "only a steward may register the product to it");
    }

    /**
     * @param approved the caller is a steward, or {@code approvedBy} names a configured steward (checked before)
     * @return the new owner's domain, to be recorded with the transfer; null for an unregistered team
     */
    static String judgeTransfer(String domain, String toTeam, TeamDirectory teams, boolean approved) {
        return judge(domain, toTeam, teams, approved, "a transfer to it needs a steward, or approvedBy naming one");
    }

    private static String judge(String domain, String team, TeamDirectory teams, boolean governed, String rule) {
        RegisteredTeam owner = teams.find(team).orElse(null);
        if (owner == null) {
            return null;
        }
        requireNotRetired(owner);
        if (!owner.domain().equals(domain) && !governed) {
            throw new RuleViolation(
                    ErrorCode.CROSS_DOMAIN_NEEDS_STEWARD,
                    "Team '%s' belongs to domain '%s', not '%s': %s".formatted(team, owner.domain(), domain, rule));
        }
        return owner.domain();
    }

    private static void requireNotRetired(RegisteredTeam team) {
        if (team.retired()) {
            throw new RuleViolation(ErrorCode.TEAM_RETIRED, "Team '%s' is retired".formatted(team.team()));
        }
    }
}
