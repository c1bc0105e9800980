package cn.org.kczg.teams.events.registration;

/** Art. 5: the kinds of organisation that may lead a team, and {@link #OTHER} for the rest. */
public enum LeadUnitCategory {
    /** (a) 全国学会、协会、研究会 under CAST. */
    NATIONAL_SOCIETY,
    /** (b) 省级科协 (incl. 新疆生产建设兵团科协). */
    PROVINCIAL_CAST,
    /** (b) units directly affiliated to a provincial CAST. */
    PROVINCIAL_CAST_AFFILIATE,
    /** (b) 省级学会. */
    PROVINCIAL_SOCIETY,
    /** (c) 建立科协组织的高校院所和企事业单位. */
    UNIVERSITY_INSTITUTE_ENTERPRISE,
    /** (d) 加入“科创中国”联合体的专业机构. */
    CONSORTIUM_INSTITUTION,
    /** Not eligible under Art. 5. */
    OTHER
}
