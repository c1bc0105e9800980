package cn.org.kczg.teams.registration;

import cn.org.kczg.teams.testkit.PersonalDataInventory;
import org.junit.jupiter.api.Test;

/** Issue 24: docs/personal-data.md lists exactly the personal fields of registration-service's entities. */
class PersonalDataInventoryTest {
    @Test
    void documentListsEveryPersonalFieldAndNothingElse() {
        PersonalDataInventory.assertMatches("registration-service", "cn.org.kczg.teams.registration");
    }
}
