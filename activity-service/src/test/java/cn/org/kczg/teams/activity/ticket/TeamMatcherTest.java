package cn.org.kczg.teams.activity.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.matching.ChineseTerms;
import cn.org.kczg.teams.activity.matching.Divisions;
import cn.org.kczg.teams.activity.matching.Synonyms;
import cn.org.kczg.teams.activity.matching.TeamDocument;
import cn.org.kczg.teams.activity.matching.TeamProfile;
import cn.org.kczg.teams.activity.matching.TeamProfile.ResolvedTicket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamMatcherTest {
    private static final ChineseTerms TERMS = new ChineseTerms(Synonyms.of(List.of(List.of("装备制造", "工程机械"))));
    private static final TeamMatcher MATCHER = new TeamMatcher(Divisions.classpath(), TERMS);
    private static final TeamMatcher.Candidate ROBOTS = team("宁波智能制造科技服务团", List.of("RD_SUPPORT"),
            List.of("宁波市"), false, profile("数控系统 工业机器人 产线改造 数字化车间", List.of()),
            TeamMatcher.Workload.NONE);
    private static final TeamMatcher.Candidate FARMING = team("寿光现代农业科技服务团", List.of("TECH_DISSEMINATION"),
            List.of("寿光市"), false, profile("设施农业 种业 水肥一体化", List.of()), TeamMatcher.Workload.NONE);
    private static final TeamMatcher.Demand INJECTION = new TeamMatcher.Demand(List.of("RD_SUPPORT"), "慈溪市",
            "先进制造", List.of(), "注塑车间自动化升级", null, "上下料依赖人工，想用工业机器人做产线改造", null);

    @Test
    void theTicketsTextFindsTheTeamWhoseProfileSpeaksOfIt() {
        var ranked = MATCHER.rank(INJECTION, List.of(FARMING, ROBOTS));
        var first = ranked.get(0);
        assertEquals(ROBOTS.teamId(), first.teamId());
        assertEquals(List.of("categories", "place", "text", "outcomes"), List.copyOf(first.parts().keySet()));
        assertEquals(25.0, first.parts().get("categories"));
        assertEquals(25.0, first.parts().get("place"), "慈溪市 is a county of 宁波市");
        assertEquals(40.0, first.parts().get("text"));
        assertEquals(90.0, first.score());
        assertTrue(first.matchedWords().containsAll(List.of("工业机器人", "产线改造")), first.matchedWords().toString());
        assertEquals(0.0, ranked.get(1).parts().get("text"));
        assertEquals(List.of(), ranked.get(1).matchedWords());
    }

    @Test
    void partsAlwaysAddUpToTheScore() {
        for (var m : MATCHER.rank(INJECTION, List.of(FARMING, ROBOTS))) {
            assertEquals(m.score(), m.parts().values().stream().mapToDouble(Double::doubleValue).sum(), 0.011);
        }
    }

    @Test
    void aNearbyCityScoresPartOfThePlaceAndAnOnlineTeamAllOfIt() {
        var changsha = team("长沙", List.of(), List.of("长沙市"), false, profile("", List.of()), null);
        var online = team("线上", List.of(), List.of("全国"), true, profile("", List.of()), null);
        var demand = new TeamMatcher.Demand(List.of(), "湘潭市", null, List.of(), null, null, null, null);
        assertEquals(TeamMatcher.PLACE_NEAR, MATCHER.place(demand.region(), changsha));
        assertEquals(TeamMatcher.PLACE, MATCHER.place(demand.region(), online));
        assertEquals(0.0, MATCHER.place("寿光市", changsha));
    }

    @Test
    void synonymsLetAnIndustryMatchItsOtherName() {
        var machinery = team("工程机械", List.of(), List.of(), false, profile("工程机械 液压", List.of()), null);
        var other = team("其他", List.of(), List.of(), false, profile("食品 检测", List.of()), null);
        var demand = new TeamMatcher.Demand(List.of(), "", "装备制造", List.of(), null, null, null, null);
        var first = MATCHER.rank(demand, List.of(other, machinery)).get(0);
        assertEquals(machinery.teamId(), first.teamId());
        assertEquals(List.of("装备制造"), first.matchedWords());
    }

    @Test
    void similarTicketsResolvedWellRaiseAndOverdueOrFullWorkLowers() {
        var proven = team("做过", List.of(), List.of(), false, profile("机器人", List.of(
                new ResolvedTicket("注塑机上下料机器人改造", "上下料依赖人工", "六轴机器人", true, 5),
                new ResolvedTicket("冲压线机器人", "上下料依赖人工", "机器人产线改造", true, null),
                new ResolvedTicket("产线改造", "上下料依赖人工", "工业机器人", true, 4))), null);
        var late = team("迟了", List.of(), List.of(), false, profile("机器人", List.of(
                new ResolvedTicket("注塑机上下料机器人改造", "上下料依赖人工", "六轴机器人", false, 5))), null);
        var busy = team("忙", List.of(), List.of(), false, profile("机器人", List.of()),
                new TeamMatcher.Workload(TeamMatcher.CAPACITY, 3));
        var ranked = MATCHER.rank(INJECTION, List.of(busy, late, proven));
        assertEquals(10.0, part(ranked, proven, "outcomes"), "three similar successes, capped at +10");
        assertEquals(-5.0, part(ranked, late, "outcomes"));
        assertEquals(-20.0, part(ranked, busy, "outcomes"), "3 overdue × −5 and −10 at capacity, floored at −20");
    }

    @Test
    void nothingInCommonScoresZero() {
        var demand = new TeamMatcher.Demand(List.of(), "拉萨", "", List.of(), null, null, null, null);
        assertEquals(0.0, MATCHER.rank(demand, List.of(FARMING)).get(0).score());
    }

    @Test
    void rankingOneDemandAgainstTwoThousandProfilesIsFast() {
        Random random = new Random(22);
        String[] words = {"工业机器人", "产线改造", "数控系统", "设施农业", "集成电路", "液压系统", "锂电池", "储能",
                "视觉检测", "高分子材料", "专利布局", "水肥一体化", "边缘计算", "焊接工艺", "电机设计", "创新药"};
        String[] cities = {"宁波市", "长沙市", "苏州市", "杭州市", "成都市", "武汉市", "广州市", "温州市"};
        List<TeamMatcher.Candidate> teams = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                text.append(words[random.nextInt(words.length)]).append("服务企业");
            }
            List<ResolvedTicket> resolved = List.of(new ResolvedTicket(words[random.nextInt(words.length)] + "改造",
                    "技术难题", text.substring(0, 60), random.nextBoolean(), 1 + random.nextInt(5)));
            teams.add(team("团" + i, List.of("RD_SUPPORT"), List.of(cities[random.nextInt(cities.length)]), false,
                    profile(text.toString(), resolved), new TeamMatcher.Workload(random.nextInt(10), random.nextInt(2))));
        }
        for (int warm = 0; warm < 5; warm++) {
            MATCHER.rank(INJECTION, teams);
        }
        int runs = 20;
        long start = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            MATCHER.rank(INJECTION, teams);
        }
        System.out.printf("TeamMatcher.rank, one demand × 2000 profiles: %.1f ms%n",
                (System.nanoTime() - start) / 1e6 / runs);
    }

    private static double part(List<TeamMatcher.Match> ranked, TeamMatcher.Candidate team, String part) {
        return ranked.stream().filter(m -> m.teamId().equals(team.teamId())).findFirst().orElseThrow().parts().get(part);
    }

    private static TeamDocument profile(String serviceContent, List<ResolvedTicket> resolved) {
        return TeamDocument.of(new TeamProfile(serviceContent, null, null, List.of(), List.of(), resolved, List.of()),
                TERMS);
    }

    private static TeamMatcher.Candidate team(String name, List<String> categories, List<String> pilotCities,
            boolean online, TeamDocument document, TeamMatcher.Workload workload) {
        return new TeamMatcher.Candidate(UUID.randomUUID(), name, categories, pilotCities, List.of(), online, document,
                workload);
    }
}
