package cn.org.kczg.teams.activity.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamMatcherTest {
    private static final TeamMatcher.Candidate MANUFACTURING = new TeamMatcher.Candidate(UUID.randomUUID(),
            "“科创中国”智能制造科技服务团", List.of("TECH_TRANSFER", "RD_SUPPORT"), List.of("苏州市"), List.of("无锡市"),
            List.of("智能制造", "工业互联网"), "智能制造产线诊断与工业机器人应用");
    private static final TeamMatcher.Candidate FARMING = new TeamMatcher.Candidate(UUID.randomUUID(),
            "“科创中国”现代农业科技服务团", List.of("TECH_DISSEMINATION"), List.of("寿光市"), List.of(),
            List.of("现代农业"), "设施农业与种业");

    @Test
    void aFullMatchScoresOneHundredWithEveryPartShown() {
        var demand = new TeamMatcher.Demand(List.of("TECH_TRANSFER"), "苏州", "智能制造", List.of("机器人"));
        var match = TeamMatcher.score(demand, MANUFACTURING);
        assertEquals(100.0, match.score());
        assertEquals(List.of("categories", "region", "industryField", "keywords"), List.copyOf(match.parts().keySet()));
    }

    @Test
    void partsAddUpAndTeamsRankByScore() {
        var demand = new TeamMatcher.Demand(List.of("TECH_TRANSFER", "TECH_DISSEMINATION"), "无锡市", "新材料",
                List.of("机器人", "种业"));
        var ranked = TeamMatcher.rank(demand, List.of(FARMING, MANUFACTURING));
        assertEquals(MANUFACTURING.teamId(), ranked.get(0).teamId());
        assertEquals(20.0, ranked.get(0).parts().get("categories"));
        assertEquals(15.0, ranked.get(0).parts().get("region"));
        assertEquals(0.0, ranked.get(0).parts().get("industryField"));
        assertEquals(5.0, ranked.get(0).parts().get("keywords"));
        assertEquals(40.0, ranked.get(0).score());
        assertEquals(25.0, ranked.get(1).score());
    }

    @Test
    void nothingInCommonScoresZero() {
        var demand = new TeamMatcher.Demand(List.of(), "拉萨", "", List.of());
        assertEquals(0.0, TeamMatcher.score(demand, FARMING).score());
    }
}
