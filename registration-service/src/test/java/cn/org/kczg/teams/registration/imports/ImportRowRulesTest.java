package cn.org.kczg.teams.registration.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportRowRulesTest {
    private static ImportRowRules.Checked check(byte[] csv) {
        return ImportRowRules.check(CsvRows.parse(new String(csv, StandardCharsets.UTF_8)));
    }

    private static String codes(ImportRowRules.Checked checked) {
        return String.join("; ", checked.problems().stream().map(p -> p.row() + " " + p.column() + " "
                + p.message().key()).toList());
    }

    @Test
    void aValidRowIsNormalisedAsRegistrationStoresIt() {
        String code = TestCreditCodes.fresh("5110").toLowerCase();
        var checked = check(ImportFiles.csv(List.of(ImportFiles.row(code, "中国测试学会", "\"科创中国\"测试科技服务团",
                "服务类别", "技术传播、RD_SUPPORT，技术传播", "单位类别", "NATIONAL_SOCIETY"))));
        assertEquals(List.of(), checked.problems());
        ImportRow row = checked.valid().get(0);
        assertEquals(2, row.line());
        assertEquals(code.toUpperCase(), row.unit().creditCode());
        assertEquals(LeadUnitCategory.NATIONAL_SOCIETY, row.unit().category());
        assertEquals("“科创中国”测试科技服务团", row.team().name());
        assertEquals("测试", row.team().serviceContent());
        assertEquals(List.of(ServiceCategory.TECH_DISSEMINATION, ServiceCategory.RD_SUPPORT), row.team().categories());
        assertEquals(List.of("苏州市", "深圳市"), row.team().pilotCities());
        assertEquals(2024, row.team().year());
    }

    @Test
    void everyCellProblemIsReportedWithItsRowAndColumn() {
        String code = TestCreditCodes.fresh("5110");
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        var checked = check(ImportFiles.csv(List.of(
                ImportFiles.row(wrongCheck, "甲学会", "“科创中国”甲科技服务团", "联系电话", "电话", "组建年度", "1999"),
                ImportFiles.row(TestCreditCodes.fresh("9131"), "乙公司", "科创中国乙团", "单位类别", "全国学会"),
                ImportFiles.row(TestCreditCodes.fresh("5110"), "丙学会", "“科创中国”丙科技服务团", "单位类别", "协会",
                        "服务类别", "吃饭", "团长姓名", ""))));
        assertEquals(0, checked.valid().size());
        assertEquals("2 统一社会信用代码 import.credit-code.check; 2 联系电话 import.cell.phone; "
                + "2 组建年度 import.cell.year; 3 单位类别 import.unit.category-authority; "
                + "3 团队名称 application.name-shape; 4 单位类别 import.unit.category-unknown; "
                + "4 服务类别 import.team.service-unknown; 4 团长姓名 import.cell.required", codes(checked));
    }

    @Test
    void aTeamNameTwiceAndOneUnitWithDifferingDetailsAreProblemsOfTheLaterRow() {
        String code = TestCreditCodes.fresh("5110");
        var checked = check(ImportFiles.csv(List.of(
                ImportFiles.row(code, "甲学会", "“科创中国”甲科技服务团"),
                ImportFiles.row(code, "甲学会（新）", "“科创中国”乙科技服务团"),
                ImportFiles.row(TestCreditCodes.fresh("5110"), "丙学会", "\"科创中国\"甲科技服务团"))));
        assertEquals(1, checked.valid().size());
        assertEquals("3 单位名称 import.unit.differs-in-file; 4 团队名称 import.team.duplicate-in-file",
                codes(checked));
    }

    @Test
    void controlCharactersAndOverlongCellsAreProblemsNotFailures() {
        var checked = check(ImportFiles.csv(List.of(ImportFiles.row(TestCreditCodes.fresh("5110"), "甲\u0000学会",
                "“科创中国”甲科技服务团", "联系人", "王".repeat(101)))));
        assertEquals("2 单位名称 rule.control-character; 2 联系人 import.cell.too-long", codes(checked));
    }

    @Test
    void aMissingOrUnknownHeaderIsAProblemOfTheFileAndNoRowIsChecked() {
        List<String> headers = new java.util.ArrayList<>(ImportFiles.headers());
        headers.remove("联系邮箱");
        headers.add("备注");
        var checked = check(ImportFiles.csv(headers, List.of(Map.of("统一社会信用代码", "bad")), false));
        assertEquals(1, checked.rows());
        assertEquals("1 备注 import.header.unknown; 1 联系邮箱 import.header.missing", codes(checked));
    }

    @Test
    void csvQuotesLineBreaksAndTheByteOrderMark() {
        var records = CsvRows.parse("\uFEFFa,\"b,1\",\"c\"\"d\"\r\n\"x\ny\",z\n\n");
        assertEquals(List.of("a", "b,1", "c\"d"), records.get(0).cells());
        assertEquals(List.of("x\ny", "z"), records.get(1).cells());
        assertEquals(4, records.get(2).line());
        assertThrows(CsvRows.Unterminated.class, () -> CsvRows.parse("a,\"b\n"));
        assertTrue(ImportColumn.ofHeader(" 统一社会信用代码* ").isPresent());
    }
}
