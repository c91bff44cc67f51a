package com.bigbox.server.limits;

import com.bigbox.postgres.access.DbRole;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Caller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * Limits, configured by {@link Settings} and applied to every request, WebSocket upgrades included:
 * per client address before credentials are checked (so guessing keys costs), per API key or user
 * after (the public anon key per address: it is everybody's); over the limit is 429 with {@code Retry-After}. Bodies larger than the limit are 413.
 */
public final class RequestLimits {
    /**
     * @param perIpPerMinute requests a client address may make a minute (0: no limit)
     * @param perKeyPerMinute requests one user or API key may make a minute (0: no limit)
     * @param maxBodyBytes the largest request body
     * @param maxRealtimeMessageBytes the largest message a realtime client may send
     */
    public record Settings(int perIpPerMinute, int perKeyPerMinute, long maxBodyBytes, int maxRealtimeMessageBytes) {
        public Settings {
            if (perIpPerMinute < 0 || perKeyPerMinute < 0 || maxBodyBytes < 1 || maxRealtimeMessageBytes < 1) {
                throw new IllegalArgumentException("limits must be positive (rates may be 0 for none)");
            }
        }
    }

    private final Settings settings;
    private final RateLimiter perIp;
    private final RateLimiter perKey;

    public RequestLimits(Settings settings) {
        this.settings = settings;
        this.perIp = new RateLimiter(settings.perIpPerMinute(), System::nanoTime);
        this.perKey = new RateLimiter(settings.perKeyPerMinute(), System::nanoTime);
    }

    public Settings settings() {
        return settings;
    }

    /** Before credentials: the address's rate and the body size. */
    public HttpModule beforeCredentials() {
        return config -> {
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.routes.before(this::checkAddressAndSize);
            config.routes.wsBeforeUpgrade(this::checkAddressAndSize);
        };
    }

    /** After credentials: the key's (or user's) rate. */
    public HttpModule afterCredentials() {
        return (JavalinConfig config) -> {
            config.routes.before(this::checkKey);
            config.routes.wsBeforeUpgrade(this::checkKey);
        };
    }

    private void checkAddressAndSize(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxBodyBytes()) {
            throw new ApiException(
                    413,
                    "payload_too_large",
                    "the request body has " + length + " bytes; the limit is " + settings.maxBodyBytes()
                            + " (BIGBOX_MAX_BODY_BYTES)",
                    "body");
        }
        if (settings.perIpPerMinute() > 0) {
            refuseIfLimited(ctx, perIp.acquire("ip:" + ctx.ip()), "this address", "BIGBOX_RATE_LIMIT_PER_IP");
        }
    }

    private void checkKey(Context ctx) {
        if (settings.perKeyPerMinute() > 0) {
            Caller.of(ctx)
                    .ifPresent(caller -> refuseIfLimited(
                            ctx, perKey.acquire(bucket(ctx, caller)), "this key", "BIGBOX_RATE_LIMIT_PER_KEY"));
        }
    }

    // The anon key is public: every visitor holds the same one, so one bucket for it would let two
    // addresses lock out everybody else's sign-in. Anonymous callers are counted per address instead.
    private static String bucket(Context ctx, Caller caller) {
        return caller.role() == DbRole.ANON ? "anon@" + ctx.ip() : caller.rateKey();
    }

    // An exception ends the request here: no later filter or route runs.
    private static void refuseIfLimited(Context ctx, OptionalLong retryAfter, String who, String setting) {
        if (retryAfter.isPresent()) {
            ctx.header("Retry-After", Long.toString(retryAfter.getAsLong()));
            throw new ApiException(
                    429,
                    "rate_limited",
                    "too many requests from " + who + "; retry after " + retryAfter.getAsLong() + "s (" + setting + ")",
                    null);
        }
    }
}
