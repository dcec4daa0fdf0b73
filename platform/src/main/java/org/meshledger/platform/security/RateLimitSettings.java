package org.meshledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one caller may send ({@code meshledger.rate-limits.*}): a token bucket per caller and kind of
 * request, refilled at a steady rate up to its burst. A caller is the actor its token names, or the client address
 * for requests without one. Each replica counts its own callers.
 *
 * @param enabled whether callers are limited at all
 * @param writesPerSecond the steady rate of commands (POST, PUT, PATCH, DELETE)
 * @param writeBurst how many commands may come at once after a quiet spell
 * @param readsPerSecond the steady rate of reads
 * @param readBurst how many reads may come at once after a quiet spell
 */
@ConfigurationProperties("meshledger.rate-limits")
public record RateLimitSettings(
        Boolean enabled, Integer writesPerSecond, Integer writeBurst, Integer readsPerSecond, Integer readBurst) {

    public RateLimitSettings {
        enabled = enabled == null || enabled;
        writesPerSecond = positive("writes-per-second", writesPerSecond, 50);
        writeBurst = atLeast("write-burst", writeBurst, writesPerSecond, 2 * writesPerSecond);
        readsPerSecond = positive("reads-per-second", readsPerSecond, 200);
        readBurst = atLeast("read-burst", readBurst, readsPerSecond, 2 * readsPerSecond);
    }

    private static int positive(String name, Integer value, int fallback) {
        return atLeast(name, value, 1, fallback);
    }

    private static int atLeast(String name, Integer value, int minimum, int fallback) {
        int chosen = value == null ? fallback : value;
        if (chosen < minimum) {
            throw new IllegalArgumentException(
                    "meshledger.rate-limits." + name + " must be at least " + minimum + ", not " + chosen);
        }
        return chosen;
    }
}
