package org.meshledger.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;

/** Names are resolved by a table in the test: nothing here looks a name up or sends anything anywhere. */
class WebhookTargetsTest {

    private static final Map<String, String> NAMES = Map.of(
            "hooks.example.org", "93.184.216.34",
            "rebinding.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "ula.example.org", "fd00::1",
            "nat.example.org", "100.64.0.9");

    private final WebhookTargets httpsOnly = new WebhookTargets(false, List.of(), WebhookTargetsTest::resolve);
    private final WebhookTargets localReceivers =
            new WebhookTargets(true, List.of("127.0.0.1"), WebhookTargetsTest::resolve);

    @Test
    void givenAPublicHttpsTarget_whenChecked_thenAllowed() {
        assertThat(httpsOnly.check("https://hooks.example.org/ledger").getHost())
                .isEqualTo("hooks.example.org");
    }

    @Test
    void givenAnotherScheme_whenChecked_thenRefusedNamingIt() {
        assertRefused(httpsOnly, "http://hooks.example.org/", ErrorCode.TARGET_SCHEME_NOT_ALLOWED, "'http'");
        assertRefused(localReceivers, "ftp://x/", ErrorCode.TARGET_SCHEME_NOT_ALLOWED, "'ftp'");
    }

    @Test
    void givenAddressesInsideTheNetwork_whenChecked_thenRefusedNamingTheKind() {
        assertRefused(
                localReceivers, "http://169.254.169.254/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "cloud metadata");
        assertRefused(localReceivers, "http://10.0.0.1/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "private");
        assertRefused(localReceivers, "https://[::1]/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "loopback");
        assertRefused(localReceivers, "https://[fe80::1]/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "link-local");
        assertRefused(localReceivers, "https://0.0.0.0/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "unspecified");
        assertRefused(localReceivers, "https://[::ffff:10.0.0.1]/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "private");
        assertRefused(
                localReceivers, "https://rebinding.example.org/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "10.1.2.3");
        assertRefused(
                localReceivers, "https://metadata.example.org/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "metadata");
        assertRefused(localReceivers, "https://ula.example.org/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "private");
        assertRefused(
                localReceivers, "https://nat.example.org/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "carrier-grade");
    }

    @Test
    void givenAnAllowedPrivateAddress_whenChecked_thenAllowedAndNoOther() {
        assertThat(localReceivers.check("http://127.0.0.1:8089/hook").getPort()).isEqualTo(8089);
        assertRefused(localReceivers, "http://127.0.0.2/", ErrorCode.TARGET_ADDRESS_NOT_ALLOWED, "loopback");
    }

    @Test
    void givenAnUnknownHost_whenChecked_thenRefusedAsUnresolved() {
        assertRefused(httpsOnly, "https://nowhere.example.org/", ErrorCode.TARGET_NOT_RESOLVED, "nowhere.example.org");
    }

    @Test
    void givenNoUrlOrCredentials_whenChecked_thenAMalformedTarget() {
        assertThatThrownBy(() -> httpsOnly.check("hooks.example.org/ledger"))
                .isInstanceOf(WebhookTargets.InvalidTarget.class);
        assertThatThrownBy(() -> httpsOnly.check("https://user:pass@hooks.example.org/"))
                .isInstanceOf(WebhookTargets.InvalidTarget.class)
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> httpsOnly.check("https://hooks example/"))
                .isInstanceOf(WebhookTargets.InvalidTarget.class);
    }

    private static void assertRefused(WebhookTargets targets, String url, ErrorCode code, String named) {
        assertThatThrownBy(() -> targets.check(url))
                .as(url)
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.code())
                        .isEqualTo(code))
                .hasMessageContaining(named);
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(literal)};
        }
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
