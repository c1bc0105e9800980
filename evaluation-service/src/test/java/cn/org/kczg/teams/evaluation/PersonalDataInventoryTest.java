package cn.org.kczg.teams.evaluation;

import cn.org.kczg.teams.testkit.PersonalDataInventory;
import org.junit.jupiter.api.Test;

/** Issue 24: docs/personal-data.md lists exactly the personal fields of evaluation-service's entities. */
class PersonalDataInventoryTest {
    @Test
    void documentListsEveryPersonalFieldAndNothingElse() {
        PersonalDataInventory.assertMatches("evaluation-service", "cn.org.kczg.teams.evaluation");
    }
}
