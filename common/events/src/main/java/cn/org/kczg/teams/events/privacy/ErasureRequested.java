package cn.org.kczg.teams.events.privacy;

import cn.org.kczg.teams.events.EventPayload;
import java.util.UUID;

/**
 * PIPL Art. 47: an operator asked that one person be erased from every service. Exactly one of {@code subject}
 * (the {@code sub} of their login) and {@code contact} (a phone number or an e-mail address) is set; every service
 * anonymises what it holds of that person, writes {@code pseudonym} wherever it kept the person's login id (so
 * counts and relations survive) and answers with {@link PersonalDataErased}. {@code requestedBy} is the operator.
 */
public record ErasureRequested(UUID erasureId, String subject, String contact, String pseudonym, String requestedBy)
        implements EventPayload {
    public static final String TYPE = "personal-data.erasure-requested";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return PersonalDataErased.AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return erasureId.toString();
    }
}
