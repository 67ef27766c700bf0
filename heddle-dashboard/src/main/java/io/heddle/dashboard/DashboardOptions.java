package io.heddle.dashboard;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a {@link Dashboard}. Start from {@link #defaults()} and adjust with the {@code with}-style methods; each
 * returns a new value.
 *
 * {@snippet :
 * var options = DashboardOptions.defaults()
 *         .port(0)                                   // any free port
 *         .refreshInterval(Duration.ofMillis(500));
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param host            the address to listen on; default {@value #DEFAULT_HOST}, so only this machine can connect.
 *                        Anything else exposes the read-only views to whoever can reach that address
 * @param port            the TCP port; default {@value #DEFAULT_PORT}; 0 picks any free port (read it from
 *                        {@link Dashboard#uri()})
 * @param token           the secret that stop and kill requests must carry, or null (the default) for a fresh random
 *                        one each start; at least {@value #MIN_TOKEN_LENGTH} characters from {@code A-Z a-z 0-9 - _ . ~}
 * @param refreshInterval how often the page is updated and the actors are sampled; default 1 s, between
 *                        100 ms and 1 minute
 */
public record DashboardOptions(String host, int port, String token, Duration refreshInterval) {

    /** The default address: the IPv4 loopback, reachable from this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8642;
    /** The default refresh interval. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);
    /** The shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final Duration MIN_REFRESH = Duration.ofMillis(100);
    private static final Duration MAX_REFRESH = Duration.ofMinutes(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    /** Validates the components. */
    public DashboardOptions {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("dashboard host must not be blank; use "
                + DEFAULT_HOST + " to listen on this machine only");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dashboard port must be between 0 and 65535 (0 for any free port), got "
                    + port);
        }
        if (token != null && (token.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(token).matches())) {
            throw new IllegalArgumentException("dashboard token must be at least " + MIN_TOKEN_LENGTH + " characters"
                    + " from A-Z a-z 0-9 - _ . ~ (it travels in a header and a URL); got " + token.length()
                    + " characters. Pass null for a random one");
        }
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.compareTo(MIN_REFRESH) < 0 || refreshInterval.compareTo(MAX_REFRESH) > 0) {
            throw new IllegalArgumentException("dashboard refresh interval must be between 100 ms and 1 minute, got "
                    + refreshInterval);
        }
    }

    /** Returns the defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, a random token, 1 s refresh. */
    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_REFRESH_INTERVAL);
    }

    /** Returns these options listening on {@code value}, a host name or IP address. */
    public DashboardOptions host(String value) {
        return new DashboardOptions(value, port, token, refreshInterval);
    }

    /** Returns these options listening on port {@code value} (0 for any free port). */
    public DashboardOptions port(int value) {
        return new DashboardOptions(host, value, token, refreshInterval);
    }

    /** Returns these options with a fixed token, or a random one per start if {@code value} is null. */
    public DashboardOptions token(String value) {
        return new DashboardOptions(host, port, value, refreshInterval);
    }

    /** Returns these options refreshing every {@code value}. */
    public DashboardOptions refreshInterval(Duration value) {
        return new DashboardOptions(host, port, token, value);
    }
}
