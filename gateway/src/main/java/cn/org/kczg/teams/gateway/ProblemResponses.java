package cn.org.kczg.teams.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's own errors, in the same RFC 9457 shape as the services' ({@code Problem} in
 * service-kit, which the gateway does not depend on: it has no database).
 */
final class ProblemResponses {
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    static Buffer body(int status, String code, String title, String detail, String instance) {
        return new JsonObject()
                .put("type", "https://kczg.org.cn/problems/" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("code", code)
                .toBuffer();
    }
}
