package org.meshledger.command.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meshledger.api.contract.CompatibilityCheck;
import org.meshledger.api.contract.ContractTree;
import org.meshledger.api.contract.ContractVerdict;
import org.meshledger.api.error.BreakingChangesRefused;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.semver4j.Semver;

/**
 * A product's contract versions as its aggregate keeps them, and the gate a new version passes: greater than the
 * latest, and a step at least as big as its changes need under the product's compatibility mode.
 */
public final class PublishedContracts {

    private final List<Published> versions = new ArrayList<>();
    private Compatibility mode = Compatibility.FULL;

    /** As a snapshot keeps it: the version as its text. */
    record Published(
            @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(converter = SemverText.class)
                    Semver version,
            Map<String, Object> tree) {

        Published {
            tree = ContractTree.canonical(tree);
        }
    }

    static final class SemverText extends StdConverter<String, Semver> {
        @Override
        public Semver convert(String version) {
            return new Semver(version);
        }
    }

    public ContractVersionPublished judge(
            String productId, String document, Compatibility requested, Instant now, ContractPolicy policy) {
        JsonNode parsed = OdcsDocuments.parse(document);
        String validatedAgainst = OdcsDocuments.validatedAgainst(parsed);
        Semver version = new Semver(parsed.get("version").asText());
        Compatibility effective = requested == null ? mode : requested;
        Map<String, Object> tree = ContractTree.of(parsed);
        Optional<Published> latest =
                versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        if (latest.isPresent() && !version.isGreaterThan(latest.get().version())) {
            throw new RuleViolation(
                    ErrorCode.CONTRACT_VERSION_NOT_GREATER,
                    "Version %s is not greater than the latest, %s"
                            .formatted(version, latest.get().version()));
        }
        ContractVerdict verdict =
                CompatibilityCheck.judge(versions.stream().map(Published::tree).toList(), tree, effective);
        Integer deprecatedMajor = null;
        Instant sunsetAt = null;
        if (latest.isPresent()) {
            Bump step = step(latest.get().version(), version);
            if (step.compareTo(verdict.bump()) < 0) {
                refuse(version, step, verdict, effective);
            }
            if (step == Bump.MAJOR) {
                deprecatedMajor = latest.get().version().getMajor();
                sunsetAt = now.plus(policy.deprecationWindow());
            }
        }
        return new ContractVersionPublished(
                productId,
                version.getVersion(),
                parsed.get("apiVersion").asText(),
                document,
                effective,
                verdict.bump(),
                verdict.changes(),
                verdict.breakingChanges(),
                declaredTeam(parsed),
                deprecatedMajor,
                sunsetAt,
                validatedAgainst);
    }

    public void record(ContractVersionPublished event) {
        versions.add(new Published(
                new Semver(event.contractVersion()), ContractTree.of(OdcsDocuments.parse(event.document()))));
        mode = event.compatibility();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    public boolean has(String version) {
        return versions.stream()
                .anyMatch(published -> published.version().getVersion().equals(version));
    }

    public boolean hasMajor(int major) {
        return versions.stream().anyMatch(published -> published.version().getMajor() == major);
    }

    private static void refuse(Semver version, Bump step, ContractVerdict verdict, Compatibility mode) {
        if (!verdict.breakingChanges().isEmpty()) {
            throw new BreakingChangesRefused(
                    "%s is a %s step, but %d change(s) break what %s protects: publish a new major"
                            .formatted(version, step, verdict.breakingChanges().size(), mode),
                    verdict.breakingChanges());
        }
        throw new RuleViolation(
                ErrorCode.CONTRACT_BUMP_TOO_SMALL,
                "%s is a %s step, but the changes need at least a %s one".formatted(version, step, verdict.bump()));
    }

    private static Bump step(Semver from, Semver to) {
        if (to.getMajor() > from.getMajor()) {
            return Bump.MAJOR;
        }
        return to.getMinor() > from.getMinor() ? Bump.MINOR : Bump.PATCH;
    }

    /** ODCS 3.1 names the team in an object; 3.0 lists members only, so there it may name none. */
    private static String declaredTeam(JsonNode document) {
        JsonNode team = document.path("team");
        if (team.isTextual()) {
            return team.asText();
        }
        return team.hasNonNull("name") ? team.get("name").asText() : null;
    }
}
