package cn.org.kczg.teams.activity.statistics;

import java.util.Map;

/** The Chinese words shown beside the stable keys of a statistics answer. */
final class StatisticsLabels {
    static final String NO_REGION = "-";

    static final Map<String, String> TICKET_STATUS = Map.of("NEW", "新建", "ASSIGNED", "已分派", "ACCEPTED", "已受理",
            "IN_PROGRESS", "处理中", "WAITING_ON_DEMAND", "等待需求方", "ANSWERED", "已答复", "RESOLVED", "已解决",
            "CLOSED", "已关闭", "REOPENED", "已重新打开", "WITHDRAWN", "已撤回");
    /** Art. 11 */
    static final Map<String, String> CATEGORY = Map.of("TECH_DISSEMINATION", "技术传播", "INDUSTRY_CONSULTING", "产业咨询",
            "RD_SUPPORT", "支撑技术研发", "INNOVATION_ENTREPRENEURSHIP", "创新创业服务", "TALENT_ECOSYSTEM", "营造人才生态",
            "TECH_TRANSFER", "技术转移与交易", "GROUP_STANDARDS", "团体标准制定", "INTERNATIONAL_EXCHANGE", "国际交流拓展");
    static final Map<String, String> TEAM_STATUS = Map.of("ACTIVE", "正常", "SUSPENDED", "暂停", "REVOKED", "已撤销",
            "DISQUALIFIED", "已取消资格");
    static final Map<String, String> PARTICIPATION_STATUS = Map.of("PENDING", "待确认", "CONFIRMED", "已确认",
            "REJECTED", "已驳回");
    static final Map<String, String> UPLOAD_KIND = Map.of("PROGRESS", "工作进展", "ACTIVITY_DATA", "活动数据",
            "THINK_TANK_REPORT", "智库报告");

    private StatisticsLabels() {
    }

    static String of(Map<String, String> labels, String key) {
        return labels.getOrDefault(key, key);
    }

    /** A region is its own label; activities online or without a city are counted under "-". */
    static String region(String key) {
        return NO_REGION.equals(key) ? "线上或未注明" : key;
    }

    static String month(int month) {
        return month + "月";
    }
}
