package cn.org.kczg.teams.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 5: the kinds of organisation that may lead a team, and {@link #OTHER} for the rest. */
@Schema(description = "The kind of organisation (Art. 5): NATIONAL_SOCIETY 全国学会、协会、研究会; PROVINCIAL_CAST 省级科协; "
        + "PROVINCIAL_CAST_AFFILIATE 省级科协直属单位; PROVINCIAL_SOCIETY 省级学会; UNIVERSITY_INSTITUTE_ENTERPRISE 建立科协组织的高校院所和企事业单位; "
        + "CONSORTIUM_INSTITUTION 加入“科创中国”联合体的专业机构; OTHER 其他 (not eligible).")
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
