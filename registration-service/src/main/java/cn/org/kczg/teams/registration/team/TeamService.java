package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamPartnersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.MemberRole;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import cn.org.kczg.teams.registration.application.ApplicationContent;
import cn.org.kczg.teams.registration.application.TeamApplication;
import cn.org.kczg.teams.registration.team.TeamDtos.PublicTeamView;
import cn.org.kczg.teams.registration.team.TeamDtos.TeamView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Teams and their lifecycle (Art. 7, 12, 15, 17, 20). */
@ApplicationScoped
@Transactional
public class TeamService {
    static final String AGGREGATE = "team";
    private static final Logger LOG = Logger.getLogger(TeamService.class);

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    TeamNames names;
    @Inject
    Clock clock;

    /** An approved application becomes an ACTIVE team. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Team activate(Caller caller, TeamApplication application) {
        ApplicationContent c = application.content;
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.applicationId = application.id;
        team.name = application.name;
        team.leadUnitCreditCode = application.leadUnitCreditCode;
        team.leadUnitName = application.leadUnitName;
        team.leadUnitCategory = application.leadUnitCategory;
        team.year = application.year;
        team.status = TeamStatus.ACTIVE;
        team.serviceContent = application.serviceContent;
        team.categories = c.categories().stream().map(Enum::name).toArray(String[]::new);
        team.pilotCities = c.pilotCities().toArray(String[]::new);
        team.otherRegions = c.otherRegions() == null ? new String[0] : c.otherRegions().toArray(String[]::new);
        team.keyFields = c.keyFields().toArray(String[]::new);
        team.members = c.members();
        team.partnerUnits = c.partnerUnits() == null ? List.of() : c.partnerUnits();
        team.handler = c.handler();
        team.activatedAt = clock.instant();
        team.persist();
        names.attachTeam(application.id, team.id);
        audit.record(caller, "team.activated", AGGREGATE, team.id.toString(), null);
        outbox.append(new TeamActivated(team.id, application.id, team.name, team.leadUnitCreditCode,
                team.leadUnitName, team.leadUnitCategory, team.year, team.serviceContent,
                TeamDtos.list(team.categories), TeamDtos.list(team.pilotCities), TeamDtos.list(team.otherRegions),
                TeamDtos.list(team.keyFields), handler(team.handler), team.activatedAt, c.distinctiveServices(),
                c.experience(), memberFields(team.members)));
        return team;
    }

    /** Operator actions: suspend, reinstate, revoke (Art. 17). */
    public Optional<TeamView> changeStatus(Caller caller, UUID id, TeamStatus target, String reason) {
        return Team.<Team>findByIdOptional(id).map(team -> {
            move(caller, team, target, reason);
            return TeamView.of(team);
        });
    }

    /** Art. 20: the evaluation disqualified the team. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDisqualified(TeamDisqualified event, EventEnvelope envelope) {
        Optional<Team> team = Team.findByIdOptional(event.teamId());
        if (team.isEmpty() || !team.get().status.live()) {
            LOG.warnf("Ignoring %s for team %s: unknown or no longer live", envelope.type(), event.teamId());
            return;
        }
        Caller evaluation = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
        team.get().disqualifiedFrom = team.get().status;
        move(evaluation, team.get(), TeamStatus.DISQUALIFIED, event.reason());
    }

    /** Issue 21: an upheld appeal reversed the disqualification: the team is live again, under its name if still free. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDisqualificationReversed(TeamDisqualificationReversed event, EventEnvelope envelope) {
        Optional<Team> found = Team.findByIdOptional(event.teamId());
        if (found.isEmpty() || found.get().status != TeamStatus.DISQUALIFIED) {
            LOG.warnf("Ignoring %s for team %s: unknown or not disqualified", envelope.type(), event.teamId());
            return;
        }
        Team team = found.get();
        if (!names.reclaim(team.name, team.applicationId, team.id)) {
            LOG.warnf("Team %s stays disqualified: its name %s was taken meanwhile", team.id, team.name);
            return;
        }
        Instant now = clock.instant();
        String reason = "申诉成立，撤销取消资格：" + event.reason();
        TeamStatus from = team.reinstate(reason, now);
        Caller evaluation = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
        audit.record(evaluation, "team.disqualification-reversed", AGGREGATE, team.id.toString(), reason);
        outbox.append(new TeamStatusChanged(team.id, team.leadUnitCreditCode, from.name(), team.status.name(), reason,
                now));
    }

    /** Art. 20: rated excellent, the team is marked for stable support (kept: the latest such year). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onStableSupport(TeamStableSupport event, EventEnvelope envelope) {
        Team.<Team>findByIdOptional(event.teamId()).ifPresent(team -> {
            if (team.stableSupportYear == null || team.stableSupportYear < event.year()) {
                team.stableSupportYear = event.year();
                Caller evaluation = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
                audit.record(evaluation, "team.stable-support", AGGREGATE, team.id.toString(),
                        event.year() + "年度考核优秀");
            }
        });
    }

    private void move(Caller caller, Team team, TeamStatus target, String reason) {
        Instant now = clock.instant();
        TeamStatus from = team.moveTo(target, reason, now);
        if (!target.live()) {
            names.releaseTeam(team.id);
        }
        audit.record(caller, "team." + target.name().toLowerCase(), AGGREGATE, team.id.toString(), reason);
        outbox.append(new TeamStatusChanged(team.id, team.leadUnitCreditCode, from.name(), target.name(), reason, now));
    }

    public Optional<TeamView> changeHandler(Caller caller, UUID id, HandlerContact handler) {
        return ownedLiveTeam(caller, id).map(team -> {
            team.handler = handler;
            audit.record(caller, "team.handler-changed", AGGREGATE, id.toString(), null);
            outbox.append(new TeamHandlerChanged(team.id, handler(handler), clock.instant()));
            return TeamView.of(team);
        });
    }

    public Optional<TeamView> changeMembers(Caller caller, UUID id, List<Member> members) {
        long leaders = members.stream().filter(m -> m.role() == MemberRole.LEADER).count();
        if (leaders != 1) {
            throw ProblemException.invalid("members", Text.of("members.one-leader", leaders));
        }
        return ownedLiveTeam(caller, id).map(team -> {
            team.members = members;
            audit.record(caller, "team.members-changed", AGGREGATE, id.toString(), null);
            outbox.append(new TeamMembersChanged(team.id, members.size(), clock.instant(), memberFields(members)));
            return TeamView.of(team);
        });
    }

    /** The members' professional fields, in roster order (issue 22: matching reads them). */
    static List<String> memberFields(List<Member> members) {
        return members == null ? List.of() : members.stream().map(Member::field)
                .filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
    }

    /** Art. 14: partner units change while the team lives; credit codes unique within the team. */
    public Optional<TeamView> changePartners(Caller caller, UUID id, List<PartnerUnit> partners) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            PartnerUnit partner = partners.get(i);
            if (partner.name() == null || partner.name().isBlank()) {
                throw ProblemException.invalid("partnerUnits[" + i + "].name", Text.of("partners.name"));
            }
            String code = partner.normalisedCreditCode();
            if (code != null && !codes.add(code)) {
                throw ProblemException.invalid("partnerUnits[" + i + "].creditCode", Text.of("partners.duplicate", code));
            }
        }
        List<PartnerUnit> normalised = partners.stream().map(p -> new PartnerUnit(p.name().trim(),
                p.duties() == null ? null : p.duties().trim(), p.normalisedCreditCode())).toList();
        return ownedLiveTeam(caller, id).map(team -> {
            team.partnerUnits = normalised;
            audit.record(caller, "team.partners-changed", AGGREGATE, id.toString(), normalised.stream()
                    .map(p -> p.creditCode() == null ? p.name() : p.name() + " (" + p.creditCode() + ")")
                    .collect(Collectors.joining("、")));
            outbox.append(new TeamPartnersChanged(team.id, team.leadUnitCreditCode, normalised.stream()
                    .map(p -> new TeamPartnersChanged.Partner(p.name(), p.creditCode())).toList(), clock.instant()));
            return TeamView.of(team);
        });
    }

    private Optional<Team> ownedLiveTeam(Caller caller, UUID id) {
        Optional<Team> team = Team.<Team>findByIdOptional(id)
                .filter(t -> caller.is(Roles.OPERATOR) || caller.actsFor(t.leadUnitCreditCode));
        team.filter(t -> !t.status.live()).ifPresent(t -> {
            throw ProblemException.conflict("team-not-live", Text.of("team.not-live", t.status));
        });
        return team;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TeamView> find(Caller caller, UUID id) {
        return Team.<Team>findByIdOptional(id).filter(t -> maySee(caller, t)).map(TeamView::of);
    }

    static boolean maySee(Caller caller, Team team) {
        return caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)
                || caller.actsFor(team.leadUnitCreditCode)
                || caller.teams().contains(team.id.toString());
    }

    public record TeamFilter(TeamStatus status, String category, String pilotCity, String leadUnit, Integer year,
            String q) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamView> list(Caller caller, TeamFilter filter, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = visible(caller, filter, params);
        return Page.of(Team.find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where), page.sort(),
                params), page, TeamView::of);
    }

    /** The same teams as {@link #list}, every one of them, for an export (in a transaction; close the stream). */
    public Stream<Team> all(Caller caller, TeamFilter filter) {
        Parameters params = new Parameters();
        return Listing.all(Team.class, visible(caller, filter, params), params, Sort.by("activatedAt").descending()
                .and("id"));
    }

    private static List<String> visible(Caller caller, TeamFilter filter, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)) {
            where.add(OwnObjects.ofTeams(caller, params, "id", "leadUnitCreditCode"));
        }
        addFilters(where, params, filter);
        return where;
    }

    /** Art. 15: live teams, for anyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicTeamView> publicList(TeamFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("status in :live"));
        Parameters params = Parameters.with("live", List.of(TeamStatus.ACTIVE, TeamStatus.SUSPENDED));
        addFilters(where, params, new TeamFilter(null, filter.category(), filter.pilotCity(), filter.leadUnit(),
                filter.year(), filter.q()));
        return Page.of(Team.find(String.join(" and ", where), page.sort(), params), page, PublicTeamView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublicTeamView> publicFind(UUID id) {
        return Team.<Team>findByIdOptional(id).filter(t -> t.status.live()).map(PublicTeamView::of);
    }

    private static void addFilters(List<String> where, Parameters params, TeamFilter f) {
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.category() != null) {
            where.add("array_contains(categories, :category)");
            params.and("category", f.category());
        }
        if (f.pilotCity() != null && !f.pilotCity().isBlank()) {
            where.add("array_contains(pilotCities, :city)");
            params.and("city", f.pilotCity().trim());
        }
        if (f.leadUnit() != null && !f.leadUnit().isBlank()) {
            where.add("leadUnitCreditCode = :leadUnit");
            params.and("leadUnit", f.leadUnit().trim().toUpperCase());
        }
        if (f.year() != null) {
            where.add("year = :year");
            params.and("year", f.year());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(lower(name) like :q or lower(leadUnitName) like :q or lower(serviceContent) like :q)");
            params.and("q", "%" + f.q().trim().toLowerCase() + "%");
        }
    }

    /** The handler as events carry it: without phone or e-mail. */
    public static Handler handler(HandlerContact h) {
        return h == null ? null : new Handler(h.name(), h.userId(), h.deputies());
    }
}
