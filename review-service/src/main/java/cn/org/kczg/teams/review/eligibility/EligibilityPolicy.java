package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import java.util.List;

/** Art. 5: which categories of organisation may lead a team, and why (shown to people). */
public final class EligibilityPolicy {
    private EligibilityPolicy() {
    }

    public static boolean eligible(LeadUnitCategory category) {
        return category != LeadUnitCategory.OTHER;
    }

    public static List<String> reasons(LeadUnitCategory category) {
        return List.of(switch (category) {
            case NATIONAL_SOCIETY -> "第五条(一): 中国科协所属全国学会、协会、研究会";
            case PROVINCIAL_CAST -> "第五条(二): 省级科协";
            case PROVINCIAL_CAST_AFFILIATE -> "第五条(二): 省级科协直属单位";
            case PROVINCIAL_SOCIETY -> "第五条(二): 省级学会";
            case UNIVERSITY_INSTITUTE_ENTERPRISE -> "第五条(三): 建立科协组织的高校院所和企事业单位";
            case CONSORTIUM_INSTITUTION -> "第五条(四): 加入“科创中国”联合体的学术权威性专业机构";
            case OTHER -> "第五条: 不属于可牵头组建科技服务团的单位类别 (not an eligible lead-unit category)";
        });
    }
}
