package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.report.ActivityReport;
import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.CertificateView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.HoursEntry;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.HoursStatement;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.LogParticipation;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Nomination;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.ParticipationView;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.Verification;
import cn.org.kczg.teams.events.activity.CertificateChanged;
import cn.org.kczg.teams.events.activity.ParticipationChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/** Art. 13: volunteers' participation, confirmed by the lead unit, and the certificates that follow. */
@ApplicationScoped
@Transactional
public class VolunteerService {
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    CredentialsConfig credentials;
    @Inject
    EntityManager em;

    /** The filters of the certificate list and its export. */
    public record CertificateFilter(Certificate.Status status, UUID teamId, Integer year) {
    }

    /** A certificate with the hours and the activity it certifies (none for an outstanding-member certificate). */
    public record CertificateRow(Certificate certificate, BigDecimal hours, String activity) {
    }

    public ParticipationView log(Caller caller, LogParticipation request) {
        ActivityReport activity = ActivityReport.<ActivityReport>findByIdOptional(request.activityId())
                .orElseThrow(() -> ProblemException.notFound(Text.of("activity.not-found", request.activityId())));
        Participation p = new Participation();
        p.id = UUID.randomUUID();
        p.teamId = activity.teamId;
        p.leadUnitCreditCode = activity.leadUnitCreditCode;
        p.activityId = activity.id;
        p.year = activity.year;
        p.activityCategory = activity.category;
        p.activityCity = activity.city;
        p.volunteer = caller.subject();
        p.volunteerName = request.name().strip();
        p.role = request.role().strip();
        p.hours = request.hours();
        p.status = Participation.Status.PENDING;
        p.loggedAt = clock.instant();
        p.persist();
        audit.record(caller, "participation.logged", "participation", p.id.toString(), null);
        outbox.append(participationEvent(ParticipationChanged.LOGGED, p));
        return ParticipationView.of(p);
    }

    /** The volunteer's own, the team's, or any for operators and auditors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ParticipationView> participation(Caller caller, UUID id) {
        return visibleParticipation(caller, id).map(ParticipationView::of);
    }

    private static Optional<Participation> visibleParticipation(Caller caller, UUID id) {
        return Participation.<Participation>findByIdOptional(id)
                .filter(p -> TeamAccess.maySee(caller, p.teamId, p.leadUnitCreditCode) || caller.subject().equals(p.volunteer));
    }

    /** The holder's own, the team's, or any for operators and auditors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CertificateView> certificate(Caller caller, UUID id) {
        return Certificate.<Certificate>findByIdOptional(id)
                .filter(c -> TeamAccess.maySee(caller, c.teamId, c.leadUnitCreditCode) || caller.subject().equals(c.holder))
                .map(CertificateView::of);
    }

    public Optional<ParticipationView> decide(Caller caller, UUID id, boolean confirm, String reason) {
        return visibleParticipation(caller, id)
                .map(p -> {
                    if (!caller.actsFor(p.leadUnitCreditCode)) {
                        throw ProblemException.forbidden(Text.of("participation.lead-unit-only"));
                    }
                    if (caller.subject().equals(p.volunteer)) {
                        throw ProblemException.forbidden(Text.of("participation.own-hours"));
                    }
                    if (p.status != Participation.Status.PENDING) {
                        throw ProblemException.conflict("already-decided", Text.of("participation.already-decided", p.status));
                    }
                    p.status = confirm ? Participation.Status.CONFIRMED : Participation.Status.REJECTED;
                    p.decisionReason = reason;
                    p.decidedBy = caller.subject();
                    p.decidedAt = clock.instant();
                    audit.record(caller, "participation." + p.status.name().toLowerCase(), "participation",
                            id.toString(), reason);
                    outbox.append(participationEvent(confirm ? ParticipationChanged.CONFIRMED
                            : ParticipationChanged.REJECTED, p));
                    return ParticipationView.of(p);
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ParticipationView> participations(Caller caller, Participation.Status status, UUID teamId,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        scope(caller, where, params, "volunteer");
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        return Page.of(Participation.<Participation>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                page.sort(), params), page, ParticipationView::of);
    }

    /** A participation certificate for confirmed participation, once per participation. */
    public CertificateView requestParticipationCertificate(Caller caller, UUID participationId) {
        Participation p = Participation.<Participation>findByIdOptional(participationId)
                .filter(x -> x.volunteer.equals(caller.subject()))
                .orElseThrow(() -> ProblemException.notFound(Text.of("participation.not-yours", participationId)));
        if (p.status != Participation.Status.CONFIRMED) {
            throw ProblemException.conflict("not-confirmed", Text.of("participation.not-confirmed", p.status));
        }
        Optional<Certificate> existing = Certificate.find("participationId", p.id).firstResultOptional();
        if (existing.isPresent()) {
            return CertificateView.of(existing.get());
        }
        Certificate c = certificate(Certificate.Kind.PARTICIPATION, p.teamId, p.volunteer, p.volunteerName);
        c.participationId = p.id;
        issue(caller, c);
        return CertificateView.of(c);
    }

    /**
     * The lead unit nominates an outstanding member of the team (one with a confirmed participation in it); an operator
     * approves before it is issued.
     */
    public CertificateView nominate(Caller caller, Nomination n) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(n.teamId())
                .filter(t -> caller.actsFor(t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", n.teamId())))
                .requireActive();
        String volunteer = n.volunteer().strip();
        // Art. 13: an outstanding member of this team — someone whose service in it the lead unit has confirmed
        if (Participation.count("teamId = ?1 and volunteer = ?2 and status = ?3", team.id, volunteer,
                Participation.Status.CONFIRMED) == 0) {
            throw ProblemException.invalid("volunteer", Text.of("certificate.nominee-not-in-team", volunteer));
        }
        Certificate c = certificate(Certificate.Kind.OUTSTANDING_MEMBER, team.id, volunteer, n.name().strip());
        c.status = Certificate.Status.PENDING_APPROVAL;
        c.nominationReason = n.reason();
        c.nominatedBy = caller.subject();
        c.persist();
        audit.record(caller, "certificate.nominated", "certificate", c.id.toString(), n.reason());
        outbox.append(new CertificateChanged(CertificateChanged.NOMINATED, c.id, c.teamId, c.kind.name(),
                year(c.createdAt), n.reason()));
        return CertificateView.of(c);
    }

    public Optional<CertificateView> approve(Caller caller, UUID id, boolean approve, String reason) {
        return Certificate.<Certificate>findByIdOptional(id).map(c -> {
            if (c.status != Certificate.Status.PENDING_APPROVAL) {
                throw ProblemException.conflict("not-pending", Text.of("certificate.not-pending", c.status));
            }
            if (approve) {
                c.decidedBy = caller.subject();
                issue(caller, c);
            } else {
                c.status = Certificate.Status.REJECTED;
                c.decidedBy = caller.subject();
                audit.record(caller, "certificate.rejected", "certificate", id.toString(), reason);
                outbox.append(new CertificateChanged(CertificateChanged.NOMINATION_REJECTED, c.id, c.teamId,
                        c.kind.name(), year(c.createdAt), reason));
            }
            return CertificateView.of(c);
        });
    }

    public Optional<CertificateView> revoke(Caller caller, UUID id, String reason) {
        return Certificate.<Certificate>findByIdOptional(id).map(c -> {
            if (c.status != Certificate.Status.VALID) {
                throw ProblemException.conflict("not-valid", Text.of("certificate.not-valid", c.status));
            }
            c.status = Certificate.Status.REVOKED;
            c.revokedAt = clock.instant();
            c.revokeReason = reason;
            audit.record(caller, "certificate.revoked", "certificate", id.toString(), reason);
            outbox.append(new CertificateChanged(CertificateChanged.REVOKED, c.id, c.teamId, c.kind.name(),
                    year(c.issuedAt), reason));
            return CertificateView.of(c);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Verification> verify(String code) {
        return Certificate.<Certificate>find("code", code.strip().toUpperCase()).firstResultOptional()
                .filter(c -> c.status == Certificate.Status.VALID || c.status == Certificate.Status.REVOKED)
                .map(CertificateFacts::of)
                .map(f -> new Verification(f.certificate().kind, CertificateCode.maskName(f.certificate().holderName),
                        f.certificate().teamName, f.certificate().issuedAt, f.certificate().status.name(),
                        f.certificate().revokedAt, f.year(), f.activityTitle(), f.activityDate(), f.hours(),
                        credentials.issuerName()));
    }

    /**
     * An issued certificate (VALID or REVOKED) the caller may see, with what it attests: for its PDF and credential.
     * A nomination not (yet) issued has no document: 409.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CertificateFacts> issued(Caller caller, UUID id) {
        return Certificate.<Certificate>findByIdOptional(id)
                .filter(c -> TeamAccess.maySee(caller, c.teamId, c.leadUnitCreditCode) || caller.subject().equals(c.holder))
                .map(c -> {
                    if (c.status != Certificate.Status.VALID && c.status != Certificate.Status.REVOKED) {
                        throw ProblemException.conflict("not-issued", Text.of("certificate.not-issued", c.status));
                    }
                    return CertificateFacts.of(c);
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Certificate> revoked() {
        return Certificate.list("status = ?1 order by revokedAt, id", Certificate.Status.REVOKED);
    }

    /**
     * A volunteer's confirmed hours whose activity began between {@code from} and {@code to}: all of them for the
     * volunteer and for operators and auditors, a team's people see only their teams' (Art. 13).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HoursStatement hours(Caller caller, String volunteer, LocalDate from, LocalDate to) {
        List<String> where = new ArrayList<>(List.of("a.id = p.activityId", "p.volunteer = :volunteer",
                "p.status = :confirmed", "a.startDate >= :from", "a.startDate <= :to"));
        Parameters params = Parameters.with("volunteer", volunteer).and("confirmed", Participation.Status.CONFIRMED)
                .and("from", from).and("to", to);
        if (!volunteer.equals(caller.subject()) && !caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            where.add(OwnObjects.ofTeams(caller, params, "p.teamId", "p.leadUnitCreditCode"));
        }
        var query = Participation.getEntityManager().createQuery("select p, a from Participation p, ActivityReport a "
                + "where " + String.join(" and ", where) + " order by a.startDate, p.loggedAt, p.id", Object[].class);
        params.map().forEach(query::setParameter);
        Map<UUID, String> teamNames = new HashMap<>();
        List<HoursEntry> entries = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String name = null;
        for (Object[] row : query.getResultList()) {
            Participation p = (Participation) row[0];
            ActivityReport a = (ActivityReport) row[1];
            String team = teamNames.computeIfAbsent(p.teamId, t -> TeamCopy.<TeamCopy>findByIdOptional(t)
                    .map(c -> c.name).orElse(""));
            entries.add(new HoursEntry(p.id, a.id, a.title, a.startDate, p.teamId, team, p.role, p.hours));
            total = total.add(p.hours);
            name = p.volunteerName;
        }
        return new HoursStatement(volunteer, name, from, to, total, entries);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CertificateView> certificates(Caller caller, CertificateFilter filter, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = certificateWhere(caller, filter, params, "");
        return Page.of(Certificate.<Certificate>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                page.sort(), params), page, CertificateView::of);
    }

    /**
     * The same certificates as {@link #certificates}, every one, newest first, each with the activity and hours it
     * certifies (one query, not one per row), for an export (in a transaction; close the stream).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stream<CertificateRow> allCertificates(Caller caller, CertificateFilter filter) {
        Parameters params = new Parameters();
        List<String> where = certificateWhere(caller, filter, params, "c.");
        TypedQuery<Object[]> query = em.createQuery("select c, p.hours, a.title from Certificate c "
                + "left join Participation p on p.id = c.participationId "
                + "left join ActivityReport a on a.id = p.activityId"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.createdAt desc, c.id", Object[].class);
        params.map().forEach(query::setParameter);
        return query.setHint(HibernateHints.HINT_FETCH_SIZE, 1_000).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().map(r -> {
                    // each row leaves the persistence context once read
                    em.detach(r[0]);
                    return new CertificateRow((Certificate) r[0], (BigDecimal) r[1], (String) r[2]);
                });
    }

    private static List<String> certificateWhere(Caller caller, CertificateFilter filter, Parameters params,
            String alias) {
        List<String> where = new ArrayList<>();
        scope(caller, where, params, "holder", alias);
        if (filter.status() != null) {
            where.add(alias + "status = :status");
            params.and("status", filter.status());
        }
        if (filter.teamId() != null) {
            where.add(alias + "teamId = :teamId");
            params.and("teamId", filter.teamId());
        }
        if (filter.year() != null) {
            // the year it was issued in China (a pending nomination's: when it was made)
            where.add("coalesce(" + alias + "issuedAt, " + alias + "createdAt) >= :from and coalesce(" + alias
                    + "issuedAt, " + alias + "createdAt) < :to");
            params.and("from", LocalDate.of(filter.year(), 1, 1).atStartOfDay(CertificateFacts.CHINA).toInstant())
                    .and("to", LocalDate.of(filter.year() + 1, 1, 1).atStartOfDay(CertificateFacts.CHINA).toInstant());
        }
        return where;
    }

    /** Volunteers see their own; teams see theirs; operators and auditors see all. */
    private static void scope(Caller caller, List<String> where, Parameters params, String holderField) {
        scope(caller, where, params, holderField, "");
    }

    private static void scope(Caller caller, List<String> where, Parameters params, String holderField,
            String alias) {
        if (caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            return;
        }
        where.add("(" + OwnObjects.ofSubject(caller, params, alias + holderField) + " or "
                + OwnObjects.ofTeams(caller, params, alias + "teamId", alias + "leadUnitCreditCode") + ")");
    }

    private Certificate certificate(Certificate.Kind kind, UUID teamId, String holder, String holderName) {
        TeamCopy team = TeamCopy.findById(teamId);
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.code = CertificateCode.next();
        c.kind = kind;
        c.teamId = teamId;
        c.teamName = team == null ? "" : team.name;
        c.leadUnitCreditCode = team == null ? "" : team.leadUnitCreditCode;
        c.holder = holder;
        c.holderName = holderName;
        c.createdAt = clock.instant();
        return c;
    }

    private void issue(Caller caller, Certificate c) {
        c.status = Certificate.Status.VALID;
        c.issuedAt = clock.instant();
        c.persist();
        audit.record(caller, "certificate.issued", "certificate", c.id.toString(), null);
        outbox.append(new CertificateChanged(CertificateChanged.ISSUED, c.id, c.teamId, c.kind.name(), year(c.issuedAt),
                null));
    }

    private static ParticipationChanged participationEvent(String type, Participation p) {
        return new ParticipationChanged(type, p.id, p.teamId, p.activityId, p.volunteer, p.hours, p.year,
                p.decisionReason);
    }

    private static int year(Instant at) {
        return at == null ? 0 : at.atZone(ZoneId.of("Asia/Shanghai")).getYear();
    }
}
