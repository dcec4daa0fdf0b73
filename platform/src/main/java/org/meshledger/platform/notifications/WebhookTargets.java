package org.meshledger.platform.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;

/**
 * Where the ledger may send a notification: an https URL (http only where configured) whose host resolves to public
 * addresses only. A subscription naming an address inside the ledger's own network (loopback, private, link-local,
 * the cloud's metadata service) would let its subscriber make the ledger call there; such a target is refused unless
 * the address is configured as allowed.
 */
public final class WebhookTargets {

    /** Resolves a host to every address it names; the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final Set<InetAddress> allowedPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowHttp, List<String> allowedPrivateTargets, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedPrivate = allowedPrivateTargets.stream()
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(WebhookTargets::literal)
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The URL, if the ledger may send to it; otherwise a refusal naming the rule it breaks. */
    public URI check(String url) {
        URI target = parsed(url);
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RuleViolation(
                    ErrorCode.TARGET_SCHEME_NOT_ALLOWED,
                    "url uses '%s'; the ledger sends to https URLs only%s"
                            .formatted(scheme, allowHttp ? " (and http, as configured)" : ""));
        }
        addressesOf(target.getHost());
        return target;
    }

    /**
     * Every address {@code host} resolves to, if the ledger may send to each; otherwise a refusal naming the rule.
     * Asked again when a notification is sent, and the connection goes to exactly these addresses, so a name that
     * resolved to a public address when the subscription was made cannot later lead inside the network.
     */
    public InetAddress[] addressesOf(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            throw new RuleViolation(ErrorCode.TARGET_NOT_RESOLVED, "The host '%s' does not resolve".formatted(host));
        }
        for (InetAddress address : addresses) {
            Optional<String> inside = insideTheNetwork(address);
            if (inside.isPresent() && !allowedPrivate.contains(address)) {
                throw new RuleViolation(
                        ErrorCode.TARGET_ADDRESS_NOT_ALLOWED,
                        "The host '%s' reaches %s, a %s address; notifications go to public addresses only"
                                .formatted(host, address.getHostAddress(), inside.get()));
            }
        }
        return addresses;
    }

    /** What kind of address inside a network {@code address} is, or empty for a public one. */
    static Optional<String> insideTheNetwork(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && bytes[0] == 0)) {
            return Optional.of("unspecified");
        }
        if (address instanceof Inet4Address
                && (bytes[0] & 0xff) == 169
                && (bytes[1] & 0xff) == 254
                && (bytes[2] & 0xff) == 169
                && (bytes[3] & 0xff) == 254) {
            return Optional.of("cloud metadata");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc)) {
            return Optional.of("private");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return Optional.of("shared (carrier-grade NAT)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static URI parsed(String url) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new InvalidTarget("url is not a URL: " + malformed.getReason());
        }
        if (!target.isAbsolute() || target.getHost() == null) {
            throw new InvalidTarget(
                    "url must be an absolute URL with a host, such as https://hooks.example.org/ledger");
        }
        if (target.getRawUserInfo() != null) {
            throw new InvalidTarget("url must not hold credentials; the signature proves the sender");
        }
        return target;
    }

    private static InetAddress literal(String address) {
        try {
            // a literal address is parsed, not looked up
            return InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalStateException(
                    "meshledger.notifications.allowed-private-targets holds '%s', not an IP address".formatted(address),
                    notAnAddress);
        }
    }

    /** A URL that cannot be a target at all: a malformed request, not a broken rule. */
    public static final class InvalidTarget extends RuntimeException {

        public InvalidTarget(String message) {
            super(message);
        }
    }
}
