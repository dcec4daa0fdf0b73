package org.meshledger.command.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.api.model.SubscriptionScope;

/** What a subscriber asks for: who, where, which kinds (none: all), and over which products. */
record SubscriptionRequest(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                String subscriberTeam,
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> kinds,
        @NotNull @Valid Scope scope) {

    record Scope(
            @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String consumedBy,
            @Size(max = Ids.MAX_LENGTH)
                    @Pattern(regexp = Ids.PRODUCT_ID, message = "must be <domain>.<name> in lowercase kebab case")
                    String product,
            @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String domain,
            Boolean mesh) {

        @AssertTrue(message = "must name exactly one of consumedBy, product, domain or mesh: true")
        boolean isExactlyOne() {
            return asScope().choices() == 1;
        }

        SubscriptionScope asScope() {
            return new SubscriptionScope(consumedBy, product, domain, Boolean.TRUE.equals(mesh) ? Boolean.TRUE : null);
        }
    }

    /** The CloudEvent types asked for, each once, in the order given; an unknown one is refused by name. */
    List<String> kindTypes() {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            String type = kind.strip();
            if (NotificationKind.ofType(type).isEmpty()) {
                throw new RuleViolation(
                        ErrorCode.NOTIFICATION_KIND_UNKNOWN,
                        "kinds[] names '%s', which the ledger does not send; it sends %s"
                                .formatted(
                                        type.length() > 100 ? type.substring(0, 100) + "…" : type,
                                        String.join(", ", allTypes())));
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static List<String> allTypes() {
        List<String> all = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            all.add(kind.type());
        }
        return all;
    }
}
