package cn.org.kczg.teams.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose RS256 signature and claims were already verified, kept until they expire or grow too old: a signature
 * check per request costs more than the request itself (it was 17–27 % of a ticket push's CPU). Only verified tokens
 * go in, so a flood of bad ones costs a check each and fills nothing; bounded, emptied when full.
 */
public final class VerifiedTokens {
    private final Map<String, JsonWebToken> tokens = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeSeconds;

    /** @param maxAgeSeconds {@code mp.jwt.verify.token.age}: a token older than this is refused whatever its exp; 0: none */
    public VerifiedTokens(int capacity, long maxAgeSeconds) {
        this.capacity = capacity;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /** The token verified earlier, if it is still within its expiry and age; else null (and forgotten). */
    public JsonWebToken get(String raw, long nowSeconds) {
        JsonWebToken token = tokens.get(raw);
        if (token == null) {
            return null;
        }
        if (!usable(token, nowSeconds)) {
            tokens.remove(raw);
            return null;
        }
        return token;
    }

    public void put(String raw, JsonWebToken token) {
        if (tokens.size() >= capacity) {
            tokens.clear();
        }
        tokens.put(raw, token);
    }

    boolean usable(JsonWebToken token, long nowSeconds) {
        return token.getExpirationTime() > nowSeconds
                && (maxAgeSeconds <= 0 || token.getIssuedAtTime() + maxAgeSeconds > nowSeconds);
    }
}
