package cn.org.kczg.teams.registration.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * Issue 21: the columns of an import file, one row = a lead unit (Art. 5) and one of its teams (Art. 4, 7, 10–12),
 * by their Chinese headers. Every header must be in the file (in any order); only 其他服务地区 may be left empty.
 */
public enum ImportColumn {
    CREDIT_CODE("统一社会信用代码", true, "511000005000123452"),
    UNIT_NAME("单位名称", true, "中国机械工程学会"),
    UNIT_CATEGORY("单位类别", true, "全国学会"),
    CONTACT_NAME("联系人", true, "王敏"),
    CONTACT_PHONE("联系电话", true, "010-68571234"),
    CONTACT_EMAIL("联系邮箱", true, "wm@example.org.cn"),
    TEAM_NAME("团队名称", true, "“科创中国”智能制造产业科技服务团"),
    YEAR("组建年度", true, "2024"),
    SERVICE_CATEGORIES("服务类别", true, "技术传播、产业咨询"),
    PILOT_CITIES("试点城市", true, "苏州市、深圳市"),
    OTHER_REGIONS("其他服务地区", false, "长三角"),
    KEY_FIELDS("重点产业领域", true, "智能制造、工业互联网"),
    LEADER_NAME("团长姓名", true, "张伟"),
    LEADER_FIELD("团长专业领域", true, "机械工程"),
    LEADER_TITLE("团长职称", true, "教授"),
    LEADER_AFFILIATION("团长工作单位", true, "清华大学"),
    HANDLER_NAME("对接专人姓名", true, "赵强"),
    HANDLER_PHONE("对接专人电话", true, "13800138000"),
    HANDLER_EMAIL("对接专人邮箱", true, "zhaoqiang@example.org.cn"),
    HANDLER_USER_ID("对接专人账号", true, "handler-zhaoqiang");

    public final String header;
    public final boolean required;
    public final String example;

    ImportColumn(String header, boolean required, String example) {
        this.header = header;
        this.required = required;
        this.example = example;
    }

    /** The column of a header cell (surrounding spaces and a trailing * ignored). */
    public static Optional<ImportColumn> ofHeader(String header) {
        String h = header == null ? "" : header.strip();
        String bare = h.endsWith("*") ? h.substring(0, h.length() - 1).strip() : h;
        return Arrays.stream(values()).filter(c -> c.header.equals(bare)).findFirst();
    }
}
