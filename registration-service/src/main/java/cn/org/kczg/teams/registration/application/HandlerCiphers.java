package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.EncryptedJsonParts;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The handler's phone and e-mail sealed inside the JSON documents that hold them (issue 24): a team's
 * {@code handler} and an application's {@code content}. The documents stay {@code jsonb} (erasure and retention
 * find a handler by {@code userId}); the handler's name stays in clear, as for every person on the platform.
 */
public final class HandlerCiphers {
    public static final EncryptedColumn TEAM_HANDLER = EncryptedColumn.jsonParts("team", "handler", "phone", "email");
    public static final EncryptedColumn APPLICATION_CONTENT = EncryptedColumn.jsonParts("team_application", "content",
            "handler.phone", "handler.email");

    private HandlerCiphers() {
    }

    public static class TeamHandler extends EncryptedJsonParts<HandlerContact> {
        public TeamHandler() {
            super(TEAM_HANDLER, HandlerContact.class);
        }
    }

    public static class Content extends EncryptedJsonParts<ApplicationContent> {
        public Content() {
            super(APPLICATION_CONTENT, ApplicationContent.class);
        }
    }

    /** The columns for the kit's re-encryption job. */
    @Dependent
    static class Columns {
        @Produces
        @Singleton
        EncryptedColumn teamHandler() {
            return TEAM_HANDLER;
        }

        @Produces
        @Singleton
        EncryptedColumn applicationContent() {
            return APPLICATION_CONTENT;
        }
    }
}
