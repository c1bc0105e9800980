package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Chinese words an import file may use for the Art. 5 categories and Art. 11 services (or their codes). */
final class ImportLabels {
    /** The label shown first is the one the template and messages use. */
    static final Map<String, LeadUnitCategory> UNIT_CATEGORIES = new LinkedHashMap<>();
    static final Map<String, ServiceCategory> SERVICES = new LinkedHashMap<>();

    static {
        UNIT_CATEGORIES.put("全国学会", LeadUnitCategory.NATIONAL_SOCIETY);
        UNIT_CATEGORIES.put("省级科协", LeadUnitCategory.PROVINCIAL_CAST);
        UNIT_CATEGORIES.put("省级科协直属单位", LeadUnitCategory.PROVINCIAL_CAST_AFFILIATE);
        UNIT_CATEGORIES.put("省级学会", LeadUnitCategory.PROVINCIAL_SOCIETY);
        UNIT_CATEGORIES.put("高校院所和企事业单位", LeadUnitCategory.UNIVERSITY_INSTITUTE_ENTERPRISE);
        UNIT_CATEGORIES.put("联合体专业机构", LeadUnitCategory.CONSORTIUM_INSTITUTION);
        UNIT_CATEGORIES.put("其他", LeadUnitCategory.OTHER);
        UNIT_CATEGORIES.put("全国学会、协会、研究会", LeadUnitCategory.NATIONAL_SOCIETY);
        UNIT_CATEGORIES.put("建立科协组织的高校院所和企事业单位", LeadUnitCategory.UNIVERSITY_INSTITUTE_ENTERPRISE);
        UNIT_CATEGORIES.put("加入“科创中国”联合体的专业机构", LeadUnitCategory.CONSORTIUM_INSTITUTION);
        SERVICES.put("技术传播", ServiceCategory.TECH_DISSEMINATION);
        SERVICES.put("产业咨询", ServiceCategory.INDUSTRY_CONSULTING);
        SERVICES.put("支撑技术研发", ServiceCategory.RD_SUPPORT);
        SERVICES.put("创新创业服务", ServiceCategory.INNOVATION_ENTREPRENEURSHIP);
        SERVICES.put("营造人才生态", ServiceCategory.TALENT_ECOSYSTEM);
        SERVICES.put("技术转移与交易", ServiceCategory.TECH_TRANSFER);
        SERVICES.put("团体标准制定", ServiceCategory.GROUP_STANDARDS);
        SERVICES.put("国际交流拓展", ServiceCategory.INTERNATIONAL_EXCHANGE);
    }

    private ImportLabels() {
    }

    static Optional<LeadUnitCategory> unitCategory(String value) {
        return Optional.ofNullable(UNIT_CATEGORIES.get(value)).or(() -> code(LeadUnitCategory.class, value));
    }

    static Optional<ServiceCategory> service(String value) {
        return Optional.ofNullable(SERVICES.get(value)).or(() -> code(ServiceCategory.class, value));
    }

    /** The first (short) label of a category. */
    static String label(LeadUnitCategory category) {
        return UNIT_CATEGORIES.entrySet().stream().filter(e -> e.getValue() == category).findFirst().orElseThrow()
                .getKey();
    }

    /** The labels a file may use, for messages: the short ones. */
    static String unitCategoryChoices() {
        return String.join("、", UNIT_CATEGORIES.keySet().stream().limit(7).toList());
    }

    static String serviceChoices() {
        return String.join("、", SERVICES.keySet());
    }

    private static <E extends Enum<E>> Optional<E> code(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
