package cn.org.kczg.teams.registration.leadunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegisteringAuthorityTest {

    @Test
    void theFirstCharacterNamesTheAuthority() {
        assertEquals(Optional.of(RegisteringAuthority.INDUSTRY_AND_COMMERCE), RegisteringAuthority.of("91350100M000100Y43"));
        assertEquals(Optional.of(RegisteringAuthority.CIVIL_AFFAIRS), RegisteringAuthority.of("511000005000000007"));
        assertEquals(Optional.of(RegisteringAuthority.ESTABLISHMENT), RegisteringAuthority.of("12100000400000123X"));
        assertEquals(Optional.empty(), RegisteringAuthority.of("B1100000400000123X"));
    }

    @Test
    void anEnterpriseIsNoSocietyAndNoCast() {
        assertFalse(RegisteringAuthority.fits("91350100M000100Y43", LeadUnitCategory.NATIONAL_SOCIETY));
        assertFalse(RegisteringAuthority.fits("91350100M000100Y43", LeadUnitCategory.PROVINCIAL_SOCIETY));
        assertFalse(RegisteringAuthority.fits("91350100M000100Y43", LeadUnitCategory.PROVINCIAL_CAST));
        assertTrue(RegisteringAuthority.fits("91350100M000100Y43", LeadUnitCategory.UNIVERSITY_INSTITUTE_ENTERPRISE));
        assertTrue(RegisteringAuthority.fits("91350100M000100Y43", LeadUnitCategory.CONSORTIUM_INSTITUTION));
    }

    @Test
    void societiesAreRegisteredByCivilAffairsAndCastsByTheEstablishmentOffice() {
        assertTrue(RegisteringAuthority.fits("511000005000000007", LeadUnitCategory.NATIONAL_SOCIETY));
        assertTrue(RegisteringAuthority.fits("511000005000000007", LeadUnitCategory.PROVINCIAL_SOCIETY));
        assertFalse(RegisteringAuthority.fits("511000005000000007", LeadUnitCategory.PROVINCIAL_CAST));
        assertTrue(RegisteringAuthority.fits("12100000400000123X", LeadUnitCategory.PROVINCIAL_CAST));
        assertFalse(RegisteringAuthority.fits("12100000400000123X", LeadUnitCategory.NATIONAL_SOCIETY));
        assertTrue(RegisteringAuthority.fits("12100000400000123X", LeadUnitCategory.UNIVERSITY_INSTITUTE_ENTERPRISE));
    }

    @ParameterizedTest
    @EnumSource(RegisteringAuthority.class)
    void otherFitsEveryAuthority(RegisteringAuthority authority) {
        assertTrue(RegisteringAuthority.fits(authority.code() + "1100000400000123X", LeadUnitCategory.OTHER));
    }
}
