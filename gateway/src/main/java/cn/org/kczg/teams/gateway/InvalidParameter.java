package cn.org.kczg.teams.gateway;

import java.util.List;

/** A query parameter of a gateway-owned operation that breaks its rule: a 400 naming it, in the caller's language. */
public class InvalidParameter extends IllegalArgumentException {
    private final String field;
    private final String key;
    private final transient List<Object> args;

    public InvalidParameter(String field, String key, Object... args) {
        super(field + ": " + GatewayProblems.TEXTS.text(java.util.Locale.ENGLISH, key, args));
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    String key() {
        return key;
    }

    List<Object> args() {
        return args;
    }
}
