package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Art. 21: what a third-party auditor should look at in a year's data — flags, not verdicts. An outlier is an
 * activity with more than {@value #OUTLIER_FACTOR} times the median participants of the team's own reports
 * (over at least {@value #OUTLIER_HISTORY} of them).
 */
@ApplicationScoped
public class DataQualityFlags {
    static final int OUTLIER_FACTOR = 5;
    static final int OUTLIER_HISTORY = 4;

    @Schema(name = "DataQualityFlagKind", description = "What a data-quality flag points at: DUPLICATE_ACTIVITY (the "
            + "same title on the same day reported more than once), PARTICIPANT_OUTLIER (more than 5 times the team's "
            + "median participants), LATE_UPLOAD (a periodic upload after its due date), RESOLVED_WITHOUT_ANSWER (a "
            + "ticket resolved without an answer).")
    public enum Kind {
        DUPLICATE_ACTIVITY, PARTICIPANT_OUTLIER, LATE_UPLOAD, RESOLVED_WITHOUT_ANSWER
    }

    @Schema(name = "DataQualityFlag", description = "Something in a year's data the auditor should look at (Art. 21): "
            + "a flag, not a verdict.")
    public record DataQualityFlag(
            @Schema(description = "What the flag points at.", required = true) Kind kind,
            @Schema(description = "The service team the flag concerns.", required = true) UUID teamId,
            @Schema(description = "The service team's name.", example = "“科创中国”智能制造产业科技服务团") String teamName,
            @Schema(description = "What is flagged: the activity ids, the activity, the reporting period or the "
                    + "ticket.", required = true) String subject,
            @Schema(description = "The flag explained, in Chinese.", required = true,
                    example = "逾期上传：2026-Q2") String detail) {
    }

    private static final String FLAGS = """
            select * from (
              select 'DUPLICATE_ACTIVITY' as kind, team_id, string_agg(cast(activity_id as text), ' ' order by activity_id) as subject,
                     '同一团队同名同日活动报告 ' || count(*) || ' 份：' || title || '（' || start_date || '）' as detail
              from activity_record where year = :year and title is not null
              group by team_id, title, start_date having count(*) > 1
              union all
              select 'PARTICIPANT_OUTLIER', a.team_id, cast(a.activity_id as text),
                     '参与人次 ' || a.participants || '，为本团队历史中位数 ' || h.median || ' 的 '
                     || round(a.participants / h.median) || ' 倍：' || coalesce(a.title, '')
              from activity_record a
              join (select team_id, cast(percentile_cont(0.5) within group (order by participants) as numeric) as median
                    from activity_record group by team_id having count(*) >= %d) h on h.team_id = a.team_id
              where a.year = :year and h.median > 0 and a.participants > %d * h.median
              union all
              select 'LATE_UPLOAD', team_id, subject, '逾期上传：' || subject
              from metric_fact where year = :year and metric = 'uploads.late'
              union all
              select 'RESOLVED_WITHOUT_ANSWER', f.team_id, f.subject, '需求工单已办结但未见答复：' || f.subject
              from metric_fact f where f.year = :year and f.metric = 'tickets.resolved'
                and not exists (select 1 from metric_fact a where a.team_id = f.team_id
                                and a.metric = 'tickets.answered' and a.subject = f.subject)
            ) flags where true
            """.formatted(OUTLIER_HISTORY, OUTLIER_FACTOR);

    @Inject
    EntityManager em;

    public long count(int year, Kind kind, UUID teamId) {
        return ((Number) bind(em.createNativeQuery("select count(*) from (" + FLAGS + filter(kind, teamId)
                + ") counted"), year, kind, teamId).getSingleResult()).longValue();
    }

    public Page<DataQualityFlag> list(int year, Kind kind, UUID teamId, PageRequest page) {
        return Page.ofNative(bind(em.createNativeQuery("select f.kind, f.team_id, t.name, f.subject, f.detail from ("
                + FLAGS + filter(kind, teamId) + ") f left join team t on t.id = f.team_id order by f.kind, t.name, f.subject"), year, kind,
                teamId), page, count(year, kind, teamId), (Object[] r) -> new DataQualityFlag(Kind.valueOf((String) r[0]),
                (UUID) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }

    private static String filter(Kind kind, UUID teamId) {
        return (kind == null ? "" : " and kind = :kind") + (teamId == null ? "" : " and team_id = :team");
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, int year, Kind kind, UUID teamId) {
        query.setParameter("year", year);
        if (kind != null) {
            query.setParameter("kind", kind.name());
        }
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
        return query;
    }
}
