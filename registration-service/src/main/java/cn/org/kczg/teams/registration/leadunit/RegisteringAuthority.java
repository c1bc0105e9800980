package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Art. 5 against GB 32100-2015: the first character of a unified social credit code names the authority that
 * registered the organisation (登记管理部门), and each category of lead unit is registered by only some of them —
 * societies (学会、协会、研究会) by civil affairs (5), CASTs as people's organisations by the establishment office (1),
 * enterprises by industry and commerce (9).
 */
public enum RegisteringAuthority {
    ESTABLISHMENT('1'), FOREIGN_AFFAIRS('2'), JUSTICE('3'), CULTURE('4'), CIVIL_AFFAIRS('5'), TOURISM('6'),
    RELIGION('7'), TRADE_UNION('8'), INDUSTRY_AND_COMMERCE('9'), MILITARY_ESTABLISHMENT('A'), AGRICULTURE('N'),
    OTHER('Y');

    private final char code;

    RegisteringAuthority(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The authority a (valid) credit code names; empty for a first character GB 32100 does not assign. */
    public static Optional<RegisteringAuthority> of(String creditCode) {
        for (RegisteringAuthority authority : values()) {
            if (authority.code == creditCode.charAt(0)) {
                return Optional.of(authority);
            }
        }
        return Optional.empty();
    }

    /**
     * Who may register a unit of the category. Affiliates of a provincial CAST, universities, institutes and
     * enterprises, and consortium institutions are public institutions (1), private non-enterprise units (5) or
     * enterprises (9); the latter two may also be registered elsewhere (Y). OTHER fits any authority.
     */
    public static Set<RegisteringAuthority> registering(LeadUnitCategory category) {
        return switch (category) {
            case NATIONAL_SOCIETY, PROVINCIAL_SOCIETY -> EnumSet.of(CIVIL_AFFAIRS);
            case PROVINCIAL_CAST -> EnumSet.of(ESTABLISHMENT);
            case PROVINCIAL_CAST_AFFILIATE -> EnumSet.of(ESTABLISHMENT, CIVIL_AFFAIRS, INDUSTRY_AND_COMMERCE);
            case UNIVERSITY_INSTITUTE_ENTERPRISE, CONSORTIUM_INSTITUTION ->
                    EnumSet.of(ESTABLISHMENT, CIVIL_AFFAIRS, INDUSTRY_AND_COMMERCE, OTHER);
            case OTHER -> EnumSet.allOf(RegisteringAuthority.class);
        };
    }

    /** Whether a unit with this credit code can be of the category. */
    public static boolean fits(String creditCode, LeadUnitCategory category) {
        return category == LeadUnitCategory.OTHER
                || of(creditCode).map(a -> registering(category).contains(a)).orElse(false);
    }
}
