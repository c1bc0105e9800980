package cn.org.kczg.teams.evaluation.metric;

import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixed set of metrics an indicator may read (Art. 18), and the fact names events are recorded under. */
public final class MetricCatalogue {
    public static final String ACTIVITIES = "activities";
    public static final String CATEGORY_PREFIX = "activities.category.";
    public static final String FORM_PREFIX = "activities.form.";

    public static final String TICKETS_RESOLVED = "tickets.resolved";
    public static final String TICKETS_ANSWERED = "tickets.answered";
    public static final String FIRST_RESPONSES = "tickets.first-responses";
    public static final String FIRST_RESPONSES_ON_TIME = "tickets.first-responses.on-time";
    public static final String RESOLUTIONS = "tickets.resolutions";
    public static final String RESOLUTIONS_ON_TIME = "tickets.resolutions.on-time";
    public static final String RATING_POINTS = "tickets.rating-points";
    public static final String RATING_MAX = "tickets.rating-max";
    public static final String UPLOADS_DUE = "uploads.due";
    public static final String UPLOADS_ON_TIME = "uploads.on-time";
    public static final String UPLOADS_LATE = "uploads.late";
    public static final String LIBRARY_PUBLISHED = "library.published";
    public static final String VOLUNTEER_HOURS = "volunteer.hours";
    public static final String CERTIFICATES_ISSUED = "certificates.issued";
    public static final String COMPLAINTS_UPHELD = "complaints.upheld";
    public static final String FEE_VIOLATIONS_UPHELD = "fee-violations.upheld";
    public static final String DEMONSTRATION_PROJECTS = "demonstration-projects";
    public static final String GUIDANCE_SESSIONS = "guidance-sessions";

    /** Metrics that may only subtract (penalties), never be scored as an indicator. */
    public static final List<String> PENALTY_METRICS = List.of(COMPLAINTS_UPHELD, FEE_VIOLATIONS_UPHELD);

    private static final Map<String, Metric> METRICS;

    static {
        Map<String, Metric> m = new LinkedHashMap<>();
        List<Metric> all = new ArrayList<>(List.of(
                Metric.activities(ACTIVITIES, "服务活动场次", "次"),
                Metric.activities("activities.pilot", "在试点城市（园区）开展的活动场次", "次"),
                Metric.activities("pilot-cities", "服务试点城市数", "个"),
                Metric.activities("enterprises-served", "服务企业数", "家"),
                Metric.activities("participants", "活动参与人次", "人次"),
                Metric.activities("outcomes.agreements", "签订合作协议数", "项"),
                Metric.activities("outcomes.technologies-transferred", "转移转化技术数", "项"),
                Metric.activities("outcomes.standards", "制定团体标准数", "项"),
                Metric.activities("outcomes.talents-trained", "培养人才数", "人"),
                Metric.facts(TICKETS_RESOLVED, "解决需求数", "个"),
                Metric.rate("tickets.first-response-on-time-rate", "需求首次响应及时率", FIRST_RESPONSES_ON_TIME,
                        FIRST_RESPONSES),
                Metric.rate("tickets.resolution-on-time-rate", "需求按期解决率", RESOLUTIONS_ON_TIME, RESOLUTIONS),
                Metric.rate("tickets.satisfaction-rate", "需求方满意度（评分占满分比例）", RATING_POINTS, RATING_MAX),
                Metric.rate("uploads.on-time-rate", "材料按时上传率", UPLOADS_ON_TIME, UPLOADS_DUE),
                Metric.facts(LIBRARY_PUBLISHED, "问题库/项目库/开源库入库数", "条"),
                Metric.facts(VOLUNTEER_HOURS, "确认的志愿服务时长", "小时"),
                Metric.facts(CERTIFICATES_ISSUED, "颁发证书数", "张"),
                Metric.facts(COMPLAINTS_UPHELD, "属实投诉数", "件"),
                Metric.facts(FEE_VIOLATIONS_UPHELD, "违规收费（属实）数", "件"),
                Metric.facts(DEMONSTRATION_PROJECTS, "示范项目数", "个"),
                Metric.facts(GUIDANCE_SESSIONS, "接受工作指导次数", "次")));
        for (ServiceCategory c : ServiceCategory.values()) {
            all.add(Metric.activities(CATEGORY_PREFIX + c.name(), "活动场次（类别 " + c.name() + "）", "次"));
        }
        for (ActivityForm f : ActivityForm.values()) {
            all.add(Metric.activities(FORM_PREFIX + f.name(), "活动场次（形式 " + f.name() + "）", "次"));
        }
        all.forEach(metric -> m.put(metric.code(), metric));
        METRICS = Collections.unmodifiableMap(m);
    }

    private MetricCatalogue() {
    }

    public static Optional<Metric> find(String code) {
        return Optional.ofNullable(code == null ? null : METRICS.get(code));
    }

    public static List<Metric> all() {
        return List.copyOf(METRICS.values());
    }

    public static List<Metric> rates() {
        return METRICS.values().stream().filter(Metric::isRate).toList();
    }

    /** The fact names a metric's drill-down lists (a rate shows both its counts). */
    public static List<String> factsOf(Metric metric) {
        return switch (metric.source()) {
            case ACTIVITIES -> List.of();
            case FACTS -> List.of(metric.code());
            case RATE -> List.of(metric.numerator(), metric.denominator());
        };
    }
}
