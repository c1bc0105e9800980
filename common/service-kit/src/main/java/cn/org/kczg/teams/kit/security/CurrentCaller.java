package cn.org.kczg.teams.kit.security;

import cn.org.kczg.teams.platform.security.TokenTimes;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, built once from its verified JWT. */
@RequestScoped
public class CurrentCaller {
    @Inject
    JsonWebToken jwt;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    private Caller fromToken() {
        if (jwt == null || jwt.getRawToken() == null) {
            return Caller.ANONYMOUS;
        }
        if (TokenTimes.issuedInTheFuture(jwt.getIssuedAtTime(), System.currentTimeMillis() / 1000)) {
            throw new UnauthorizedException("the token is issued in the future");
        }
        String org = text(jwt.getClaim("org"));
        return new Caller(jwt.getSubject(), Set.copyOf(jwt.getGroups()), org == null ? null : org.toUpperCase(),
                texts(jwt.getClaim("teams")), text(jwt.getClaim("partner")));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    private static Set<String> texts(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(CurrentCaller::text).filter(v -> v != null)
                    .collect(Collectors.toUnmodifiableSet());
        }
        String single = text(value);
        return single == null ? Set.of()
                : Arrays.stream(single.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }
}
