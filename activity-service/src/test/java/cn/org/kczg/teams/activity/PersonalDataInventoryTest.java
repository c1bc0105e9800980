package cn.org.kczg.teams.activity;

import cn.org.kczg.teams.testkit.PersonalDataInventory;
import org.junit.jupiter.api.Test;

/** Issue 24: docs/personal-data.md lists exactly the personal fields of activity-service's entities. */
class PersonalDataInventoryTest {
    @Test
    void documentListsEveryPersonalFieldAndNothingElse() {
        PersonalDataInventory.assertMatches("activity-service", "cn.org.kczg.teams.activity");
    }
}
