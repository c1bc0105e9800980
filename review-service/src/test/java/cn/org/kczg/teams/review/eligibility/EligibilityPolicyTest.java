package cn.org.kczg.teams.review.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityPolicyTest {

    @ParameterizedTest
    @EnumSource(value = LeadUnitCategory.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void everyArticle5CategoryIsEligibleWithAReason(LeadUnitCategory category) {
        assertTrue(EligibilityPolicy.eligible(category));
        assertTrue(EligibilityPolicy.reasons(category).get(0).startsWith("第五条("));
    }

    @Test
    void otherIsNotEligible() {
        assertFalse(EligibilityPolicy.eligible(LeadUnitCategory.OTHER));
        assertTrue(EligibilityPolicy.reasons(LeadUnitCategory.OTHER).get(0).contains("不属于"));
    }

    @Test
    void nationalSocietiesMayLeadFiveTeams() {
        assertEquals(5, QuotaPolicy.limit(LeadUnitCategory.NATIONAL_SOCIETY, Optional.of(9)));
    }

    @Test
    void provincialCastAndAffiliatesMayLeadTwo() {
        assertEquals(2, QuotaPolicy.limit(LeadUnitCategory.PROVINCIAL_CAST, Optional.empty()));
        assertEquals(2, QuotaPolicy.limit(LeadUnitCategory.PROVINCIAL_CAST_AFFILIATE, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(value = LeadUnitCategory.class,
            names = {"PROVINCIAL_SOCIETY", "UNIVERSITY_INSTITUTE_ENTERPRISE", "CONSORTIUM_INSTITUTION"})
    void otherEligibleCategoriesFollowTheAnnualQuota(LeadUnitCategory category) {
        assertNull(QuotaPolicy.limit(category, Optional.empty()));
        assertEquals(3, QuotaPolicy.limit(category, Optional.of(3)));
    }

    @Test
    void ineligibleUnitsHaveNoQuota() {
        assertEquals(0, QuotaPolicy.limit(LeadUnitCategory.OTHER, Optional.of(3)));
    }
}
