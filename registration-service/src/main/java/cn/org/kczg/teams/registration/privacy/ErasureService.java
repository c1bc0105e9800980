package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.crypto.Sha256;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.privacy.Erasures;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.Item;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.Receipt;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.RequestErasure;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.ServiceAnswer;
import cn.org.kczg.teams.registration.privacy.ErasureDtos.Status;
import cn.org.kczg.teams.registration.team.Team;
import cn.org.kczg.teams.registration.team.TeamService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner of erasure requests: erases what registration-service holds in the request's transaction, announces
 * {@code personal-data.erasure-requested} to the other services, and collects their {@code personal-data.erased}
 * answers into the receipt.
 */
@ApplicationScoped
public class ErasureService {
    static final String AGGREGATE = PersonalDataErased.AGGREGATE;

    @Inject
    RegistrationEraser eraser;
    @Inject
    Erasures erasures;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    ErasureConfig config;

    @Transactional
    public Receipt request(Caller caller, RequestErasure body) {
        String subject = blankToNull(body.subject());
        String contact = blankToNull(body.contact());
        if ((subject == null) == (contact == null)) {
            throw ProblemException.invalid(subject == null ? "subject" : "contact", Text.of("erasure.subject-or-contact"));
        }
        ErasureRequest request = new ErasureRequest();
        request.id = UUID.randomUUID();
        request.matchKind = subject != null ? ErasureRequest.MatchKind.SUBJECT : ErasureRequest.MatchKind.CONTACT;
        request.pseudonym = pseudonymFor(request.id);
        request.reason = body.reason().strip();
        request.requestedBy = caller.subject();
        request.requestedAt = clock.instant();
        request.persist();
        audit.record(caller, "personal-data.erasure-requested", AGGREGATE, request.id.toString(), request.reason);
        ErasureRequested event = new ErasureRequested(request.id, subject, contact, request.pseudonym,
                caller.subject());
        outbox.append(event);

        RegistrationEraser.Outcome erased = eraser.erase(event);
        for (UUID teamId : erased.teamsWithErasedHandler()) {
            Team team = Team.findById(teamId);
            em.refresh(team);
            outbox.append(new TeamHandlerChanged(team.id, TeamService.handler(team.handler), clock.instant()));
        }
        record(erasures.answer(event, erased.items(), false));
        return receipt(request);
    }

    /** Another service's answer (or this one's): kept once, whatever how often it comes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onErased(PersonalDataErased answer, EventEnvelope envelope) {
        if (ErasureRequest.findById(answer.erasureId()) != null) {
            record(answer);
        }
    }

    private void record(PersonalDataErased answer) {
        String items;
        try {
            items = mapper.writeValueAsString(answer.items());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into personal_data_erasure_answer (erasure_id, service, erased_at, items)
                values (:id, :service, :at, cast(:items as jsonb)) on conflict do nothing""")
                .setParameter("id", answer.erasureId()).setParameter("service", answer.service())
                .setParameter("at", answer.erasedAt().atOffset(java.time.ZoneOffset.UTC)).setParameter("items", items)
                .executeUpdate();
    }

    @Transactional
    public Optional<Receipt> find(UUID id) {
        return ErasureRequest.<ErasureRequest>findByIdOptional(id).map(this::receipt);
    }

    private Receipt receipt(ErasureRequest request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select service, erased_at, cast(items as text) from personal_data_erasure_answer
                 where erasure_id = :id order by erased_at, service""").setParameter("id", request.id).getResultList();
        List<ServiceAnswer> answers = new ArrayList<>();
        for (Object[] row : rows) {
            answers.add(new ServiceAnswer((String) row[0], instant(row[1]), items((String) row[2])));
        }
        List<String> expected = config.services();
        boolean complete = answers.stream().map(ServiceAnswer::service).toList().containsAll(expected);
        Instant completedAt = complete ? answers.stream().map(ServiceAnswer::erasedAt).max(Comparator.naturalOrder())
                .orElse(null) : null;
        return new Receipt(request.id, complete ? Status.COMPLETED : Status.PENDING, request.matchKind.name(),
                request.pseudonym, request.requestedAt, completedAt, expected, answers);
    }

    private List<Item> items(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<PersonalDataErased.Item>>() {
            }).stream().map(Item::of).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** Derived from the request, not from the person: nobody can get from a pseudonym back to the login it replaced. */
    static String pseudonymFor(UUID erasureId) {
        return "erased-" + Sha256.hex(erasureId.toString()).substring(0, 16);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
