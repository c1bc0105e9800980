package cn.org.kczg.teams.kit;

import cn.org.kczg.teams.testkit.PersonalDataInventory;
import org.junit.jupiter.api.Test;

/** Issue 24: docs/personal-data.md lists exactly the personal fields of the kit's tables, which every service has. */
class PersonalDataInventoryTest {
    @Test
    void documentListsEveryPersonalFieldAndNothingElse() {
        PersonalDataInventory.assertMatches("service-kit", "cn.org.kczg.teams.kit");
    }
}
