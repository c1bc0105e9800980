package cn.org.kczg.teams.platform.security;

/**
 * The time rule SmallRye JWT leaves out: a token whose {@code iat} lies in the future was not issued by a sane
 * identity provider. {@value #CLOCK_SKEW_SECONDS} s of clock skew allowed, as for {@code exp}
 * ({@code mp.jwt.verify.clock.skew}).
 */
public final class TokenTimes {
    public static final int CLOCK_SKEW_SECONDS = 5;

    private TokenTimes() {
    }

    public static boolean issuedInTheFuture(long issuedAtSeconds, long nowSeconds) {
        return issuedAtSeconds > nowSeconds + CLOCK_SKEW_SECONDS;
    }
}
