package cn.org.kczg.teams.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 11: the eight categories of offline service, as stable codes. */
@Schema(description = "The eight categories of offline service (Art. 11): TECH_DISSEMINATION 技术传播, INDUSTRY_CONSULTING "
        + "产业咨询, RD_SUPPORT 支撑技术研发, INNOVATION_ENTREPRENEURSHIP 创新创业服务, TALENT_ECOSYSTEM 营造人才生态, TECH_TRANSFER "
        + "技术转移与交易, GROUP_STANDARDS 团体标准制定, INTERNATIONAL_EXCHANGE 国际交流拓展.")
public enum ServiceCategory {
    /** 技术传播 */
    TECH_DISSEMINATION,
    /** 产业咨询 */
    INDUSTRY_CONSULTING,
    /** 支撑技术研发 */
    RD_SUPPORT,
    /** 创新创业服务 */
    INNOVATION_ENTREPRENEURSHIP,
    /** 营造人才生态 */
    TALENT_ECOSYSTEM,
    /** 技术转移与交易 */
    TECH_TRANSFER,
    /** 团体标准制定 */
    GROUP_STANDARDS,
    /** 国际交流拓展 */
    INTERNATIONAL_EXCHANGE
}
