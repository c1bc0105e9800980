package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.kit.crypto.HmacSha256;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Issue 24: what a complainant's address is kept as — HMAC-SHA256 under the secret pepper, so the rate limit can
 * recognise an address without the table revealing it (a bare SHA-256 of an IPv4 address is undone by hashing all
 * 2³²). Made at start, so a missing or short pepper stops the service there rather than at the first complaint.
 */
@Startup
@Singleton
public class ClientAddressHash {
    /** 32 characters: what {@code openssl rand -base64 24} gives; the launcher makes 44. */
    static final int MIN_PEPPER_LENGTH = 32;
    private final HmacSha256 hmac;

    @Inject
    ClientAddressHash(PersonalDataConfig config) {
        this(config.pepper());
    }

    ClientAddressHash(String pepper) {
        if (pepper == null || pepper.strip().length() < MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("kczg.personal-data.pepper must be a secret of at least "
                    + MIN_PEPPER_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
        this.hmac = new HmacSha256(pepper.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed hash of the address (64 hex digits); {@code unknown} when the request named none. */
    public String of(String address) {
        return hmac.hex(address == null ? "unknown" : address);
    }
}
