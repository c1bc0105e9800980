package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.library.LibraryEntry;
import cn.org.kczg.teams.activity.matching.ChineseTerms;
import cn.org.kczg.teams.activity.matching.Divisions;
import cn.org.kczg.teams.activity.matching.Synonyms;
import cn.org.kczg.teams.activity.matching.TeamDocument;
import cn.org.kczg.teams.activity.matching.TeamProfile;
import cn.org.kczg.teams.activity.team.TeamCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active teams' matching documents, held in memory (issue 22). BM25 needs term statistics across all
 * candidates for every ticket, and PostgreSQL has no Chinese text search parser here, so the index lives in the
 * service: each team's document is rebuilt only when its {@code profile_version} moved (raised by the team's events,
 * a ticket it resolved being resolved, rated or reopened, and a library entry of it being published), which every
 * instance sees in the database. Workload (open and overdue tickets) is read fresh for every ranking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MatchingIndex {
    private static final Set<String> EVERYWHERE = Set.of("全国", "线上", "网上", "online");
    private static final int CHUNK = 500;

    private final ChineseTerms terms = new ChineseTerms(Synonyms.classpath());
    private final TeamMatcher matcher = new TeamMatcher(Divisions.classpath(), terms);
    private final Map<UUID, Indexed> documents = new ConcurrentHashMap<>();

    private record Indexed(long version, TeamMatcher.Candidate candidate) {
    }

    public List<TeamMatcher.Match> rank(TeamMatcher.Demand demand) {
        List<Object[]> active = TeamCopy.getEntityManager().createQuery(
                "select t.id, t.profileVersion from TeamCopy t where t.status = 'ACTIVE'", Object[].class)
                .getResultList();
        Set<UUID> ids = new HashSet<>();
        List<UUID> stale = new ArrayList<>();
        for (Object[] row : active) {
            UUID id = (UUID) row[0];
            ids.add(id);
            Indexed known = documents.get(id);
            if (known == null || known.version() != (Long) row[1]) {
                stale.add(id);
            }
        }
        for (int i = 0; i < stale.size(); i += CHUNK) {
            index(stale.subList(i, Math.min(stale.size(), i + CHUNK)));
        }
        documents.keySet().retainAll(ids);
        Map<UUID, TeamMatcher.Workload> workloads = workloads();
        List<TeamMatcher.Candidate> candidates = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Indexed indexed = documents.get(id);
            if (indexed != null) {
                TeamMatcher.Candidate c = indexed.candidate();
                candidates.add(new TeamMatcher.Candidate(c.teamId(), c.teamName(), c.categories(), c.pilotCities(),
                        c.otherRegions(), c.online(), c.document(),
                        workloads.getOrDefault(id, TeamMatcher.Workload.NONE)));
            }
        }
        return matcher.rank(demand, candidates);
    }

    private void index(Collection<UUID> ids) {
        Map<UUID, List<TeamProfile.ResolvedTicket>> resolved = new HashMap<>();
        Ticket.<Ticket>list("teamId in ?1 and status in ?2", ids,
                EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)).forEach(t -> resolved
                .computeIfAbsent(t.teamId, k -> new ArrayList<>())
                .add(new TeamProfile.ResolvedTicket(t.projectName, t.technicalProblems,
                        t.answer == null ? null : t.answer.text(), !t.resolutionOverdue, t.ratingScore)));
        Map<UUID, List<String>> library = new HashMap<>();
        LibraryEntry.<LibraryEntry>list("teamId in ?1 and status = ?2", ids, LibraryEntry.Status.PUBLISHED)
                .forEach(e -> library.computeIfAbsent(e.teamId, k -> new ArrayList<>())
                        .add(e.title + (e.description == null ? "" : "\n" + e.description)));
        for (TeamCopy team : TeamCopy.<TeamCopy>list("id in ?1", ids)) {
            TeamProfile profile = new TeamProfile(team.serviceContent, team.distinctiveServices, team.experience,
                    team.keyFields, team.memberFields, resolved.getOrDefault(team.id, List.of()),
                    library.getOrDefault(team.id, List.of()));
            documents.put(team.id, new Indexed(team.profileVersion, new TeamMatcher.Candidate(team.id, team.name,
                    team.categories, team.pilotCities, team.otherRegions, online(team),
                    TeamDocument.of(profile, terms), TeamMatcher.Workload.NONE)));
        }
    }

    /** A team that names 全国 or 线上 among its places serves everywhere. */
    static boolean online(TeamCopy team) {
        return Arrays.asList(team.pilotCities, team.otherRegions).stream().filter(p -> p != null)
                .flatMap(List::stream).map(String::strip).anyMatch(EVERYWHERE::contains);
    }

    /** Open tickets per team and how many of them are overdue (Issue 22's capacity rule: see TeamMatcher.CAPACITY). */
    private static Map<UUID, TeamMatcher.Workload> workloads() {
        Set<TicketStatus> open = EnumSet.noneOf(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            if (s.open()) {
                open.add(s);
            }
        }
        Map<UUID, TeamMatcher.Workload> workloads = new HashMap<>();
        Ticket.getEntityManager().createQuery("select t.teamId, count(t), sum(case when t.resolutionOverdue = true "
                        + "then 1 else 0 end) from Ticket t where t.teamId is not null and t.status in :open "
                        + "group by t.teamId", Object[].class)
                .setParameter("open", open).getResultList()
                .forEach(r -> workloads.put((UUID) r[0], new TeamMatcher.Workload(((Number) r[1]).intValue(),
                        ((Number) r[2]).intValue())));
        return workloads;
    }
}
