package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.kit.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 19: per lead unit, its teams' grades and average total, ranked — the "first-class society" input. */
@ApplicationScoped
public class LeadUnitSummaries {
    @Inject
    EntityManager em;

    @Schema(name = "LeadUnitTeamGrade", description = "One team of a lead unit in the ranking: its total and grade.")
    public record TeamGrade(
            @Schema(description = "The service team's id.", required = true) UUID teamId,
            @Schema(description = "The service team's name.", required = true,
                    example = "“科创中国”智能制造产业科技服务团") String teamName,
            @Schema(description = "The team's total score.", required = true) BigDecimal total,
            @Schema(description = "The team's final grade.", required = true) Grade grade,
            @Schema(description = "The final grade in Chinese.", required = true, example = "优秀") String gradeLabel) {
    }

    /** How the lead unit's applications were decided in the year (from review-service's decisions). */
    @Schema(name = "LeadUnitApplicationDecisions", description = "How the lead unit's team applications were decided "
            + "in the year (qualification review).")
    public record Applications(
            @Schema(description = "Applications approved.", required = true) int approved,
            @Schema(description = "Applications rejected.", required = true) int rejected,
            @Schema(description = "Applications sent back for changes.", required = true) int changesRequested) {
    }

    @Schema(name = "LeadUnitSummary", description = "A lead unit's place in the year's ranking (Art. 19): its teams' "
            + "average total, grades and application decisions.")
    public record LeadUnitSummary(
            @Schema(description = "Rank by average total, 1 first; ties share a rank.", required = true) int rank,
            @Schema(description = "The lead unit's unified social credit code.", required = true,
                    example = "91350100M000100Y43") String creditCode,
            @Schema(description = "The lead unit's name.", example = "中国机械工程学会") String name,
            @Schema(description = "The lead unit's category (Art. 5), e.g. NATIONAL_SOCIETY; absent when "
                    + "registration has not announced the unit.") String category,
            @Schema(description = "How many of its teams were scored.", required = true) int teams,
            @Schema(description = "Average total of its teams, 2 decimals.", required = true) BigDecimal average,
            @Schema(description = "How many of its teams have each final grade (every grade listed).", required = true)
            Map<Grade, Integer> grades,
            @Schema(description = "Its teams, best total first.", required = true) List<TeamGrade> teamResults,
            @Schema(description = "How its applications were decided in the year.", required = true)
            Applications applications) {
    }

    /** One page of the ranking: the shape of every page ({@code Page}), named for the document. */
    @Schema(name = "LeadUnitRankingPage", description = "One page of the lead-unit ranking, best rank first.")
    public record LeadUnitRankingPage(
            @Schema(description = "The lead units of this page, best rank first (none past the last page).",
                    required = true) List<LeadUnitSummary> items,
            @Schema(description = "This page's number, from 0.", required = true) int page,
            @Schema(description = "The page size asked for (1–100, default 20).", required = true) int size,
            @Schema(description = "How many lead units the whole ranking has.", required = true) long total) {

        static LeadUnitRankingPage of(Page<LeadUnitSummary> page) {
            return new LeadUnitRankingPage(page.items(), page.page(), page.size(), page.total());
        }
    }

    /** Ranked by average total (ties share a rank), optionally only one category of lead unit. */
    @SuppressWarnings("unchecked")
    public List<LeadUnitSummary> of(int year, UUID runId, String category) {
        jakarta.persistence.Query query = em.createNativeQuery("""
                select r.lead_unit_credit_code, coalesce(lu.name, r.lead_unit_name), lu.category, r.team_id, r.team_name,
                       r.total, r.grade, avg(r.total) over (partition by r.lead_unit_credit_code) as average
                from team_result r left join lead_unit lu on lu.credit_code = r.lead_unit_credit_code
                where r.run_id = :run %s
                order by average desc, r.lead_unit_credit_code, r.total desc, r.team_name""".formatted(
                category == null ? "" : "and lu.category = :category")).setParameter("run", runId);
        if (category != null) {
            query.setParameter("category", category);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Applications> applications = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                select lead_unit_credit_code, count(*) filter (where decision = 'APPROVED'),
                       count(*) filter (where decision = 'REJECTED'), count(*) filter (where decision = 'CHANGES_REQUESTED')
                from review_decision where year = :year group by lead_unit_credit_code""").setParameter("year", year)
                .getResultList()) {
            Object[] c = (Object[]) row;
            applications.put((String) c[0], new Applications(((Number) c[1]).intValue(), ((Number) c[2]).intValue(),
                    ((Number) c[3]).intValue()));
        }
        Map<String, List<Object[]>> byUnit = new LinkedHashMap<>();
        rows.forEach(row -> byUnit.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
        List<LeadUnitSummary> summaries = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (List<Object[]> unit : byUnit.values()) {
            Object[] first = unit.get(0);
            BigDecimal average = ((BigDecimal) first[7]).setScale(2, java.math.RoundingMode.HALF_UP);
            if (previous == null || average.compareTo(previous) != 0) {
                rank = summaries.size() + 1;
            }
            previous = average;
            Map<Grade, Integer> grades = new LinkedHashMap<>();
            for (Grade g : Grade.values()) {
                grades.put(g, 0);
            }
            List<TeamGrade> teams = unit.stream().map(row -> {
                Grade grade = Grade.valueOf((String) row[6]);
                grades.merge(grade, 1, Integer::sum);
                return new TeamGrade((UUID) row[3], (String) row[4], (BigDecimal) row[5], grade, grade.label);
            }).toList();
            summaries.add(new LeadUnitSummary(rank, (String) first[0], (String) first[1], (String) first[2],
                    teams.size(), average, grades, teams, applications.getOrDefault((String) first[0],
                            new Applications(0, 0, 0))));
        }
        return summaries;
    }

    /** One line per team, UTF-8 with a BOM so Excel shows the Chinese; cells that look like formulas are defused. */
    public static String csv(int year, List<LeadUnitSummary> summaries) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("年度,排名,统一社会信用代码,牵头单位,单位类别,团队数,平均分,科技服务团,团队总分,等级\r\n");
        for (LeadUnitSummary s : summaries) {
            for (TeamGrade t : s.teamResults()) {
                out.append(String.join(",", String.valueOf(year), String.valueOf(s.rank()), cell(s.creditCode()),
                        cell(s.name()), cell(s.category()), String.valueOf(s.teams()), s.average().toPlainString(),
                        cell(t.teamName()), t.total().toPlainString(), cell(t.gradeLabel()))).append("\r\n");
            }
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
