package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Art. 21: what a third-party auditor should look at in a year's data — flags, not verdicts. An outlier is an
 * activity with more than {@value #OUTLIER_FACTOR} times the median participants of the team's own reports
 * (over at least {@value #OUTLIER_HISTORY} of them).
 */
@ApplicationScoped
public class DataQualityFlags {
    static final int OUTLIER_FACTOR = 5;
    static final int OUTLIER_HISTORY = 4;

    public enum Kind {
        DUPLICATE_ACTIVITY, PARTICIPANT_OUTLIER, LATE_UPLOAD, RESOLVED_WITHOUT_ANSWER
    }

    public record Flag(Kind kind, UUID teamId, String teamName, String subject, String detail) {
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

    public Page<Flag> list(int year, Kind kind, UUID teamId, PageRequest page) {
        return Page.ofNative(bind(em.createNativeQuery("select f.kind, f.team_id, t.name, f.subject, f.detail from ("
                + FLAGS + filter(kind, teamId) + ") f left join team t on t.id = f.team_id order by f.kind, t.name, f.subject"), year, kind,
                teamId), page, count(year, kind, teamId), (Object[] r) -> new Flag(Kind.valueOf((String) r[0]),
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
