package cn.org.kczg.teams.events;

import java.util.UUID;

/** An event about one team application, keyed by its id. */
public interface ApplicationEvent extends EventPayload {
    UUID applicationId();

    @Override
    default String aggregateType() {
        return "application";
    }

    @Override
    default String aggregateId() {
        return applicationId().toString();
    }
}
