package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.json.InputRules;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.MemberRole;
import cn.org.kczg.teams.registration.application.TeamNameRule;
import cn.org.kczg.teams.registration.leadunit.CreditCode;
import cn.org.kczg.teams.registration.leadunit.RegisteringAuthority;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issue 21: the lines of an import file checked with registration's own rules — the header (every column, nothing
 * else), then every cell of every row (Art. 5 credit code and its check character, the category against the code's
 * registering authority, Art. 4 team names, the enumerations, lengths, control characters), then the file as a whole
 * (a team name twice, one credit code with differing unit details). Every problem is reported, not just the first.
 */
final class ImportRowRules {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2199;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9\\- ]{5,19}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；\\n]+");

    private ImportRowRules() {
    }

    /** Data rows seen, the rows without a problem, and every problem. */
    record Checked(int rows, List<ImportRow> valid, List<ImportProblem> problems) {
    }

    static Checked check(List<CsvRows.Record> lines) {
        List<ImportProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new ImportProblem(1, "", Text.of("import.header.missing-all")));
            return new Checked(0, List.of(), problems);
        }
        CsvRows.Record header = lines.get(0);
        Map<ImportColumn, Integer> at = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cells().get(i);
            if (cell.isBlank()) {
                continue;
            }
            Optional<ImportColumn> column = ImportColumn.ofHeader(cell);
            if (column.isEmpty()) {
                problems.add(new ImportProblem(header.line(), shown(cell), Text.of("import.header.unknown")));
            } else if (at.putIfAbsent(column.get(), i) != null) {
                problems.add(ImportProblem.of(header.line(), column.get(), Text.of("import.header.twice")));
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (!at.containsKey(column)) {
                problems.add(ImportProblem.of(header.line(), column, Text.of("import.header.missing")));
            }
        }
        List<CsvRows.Record> data = lines.subList(1, lines.size()).stream()
                .filter(r -> r.cells().stream().anyMatch(c -> !c.isBlank())).toList();
        if (!problems.isEmpty()) {
            return new Checked(data.size(), List.of(), problems);
        }
        List<ImportRow> valid = new ArrayList<>();
        Map<String, ImportRow> teamNames = new HashMap<>();
        Map<String, ImportRow> units = new HashMap<>();
        for (CsvRows.Record record : data) {
            Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
            at.forEach((column, index) -> cells.put(column, index < record.cells().size()
                    ? record.cells().get(index).strip() : ""));
            List<ImportProblem> own = new ArrayList<>();
            ImportRow row = row(record.line(), cells, own);
            if (row != null) {
                ImportRow earlier = teamNames.putIfAbsent(row.team().name(), row);
                if (earlier != null) {
                    own.add(ImportProblem.of(row.line(), ImportColumn.TEAM_NAME,
                            Text.of("import.team.duplicate-in-file", earlier.line())));
                }
                ImportRow first = units.putIfAbsent(row.unit().creditCode(), row);
                if (first != null) {
                    differences(first.unit(), row.unit()).forEach(column -> own.add(ImportProblem.of(row.line(),
                            column, Text.of("import.unit.differs-in-file", first.line()))));
                }
            }
            problems.addAll(own);
            if (row != null && own.isEmpty()) {
                valid.add(row);
            }
        }
        return new Checked(data.size(), valid, problems);
    }

    /** The unit columns in which two rows of one credit code differ. */
    static List<ImportColumn> differences(ImportRow.Unit a, ImportRow.Unit b) {
        List<ImportColumn> columns = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            columns.add(ImportColumn.UNIT_NAME);
        }
        if (a.category() != b.category()) {
            columns.add(ImportColumn.UNIT_CATEGORY);
        }
        if (!a.contactName().equals(b.contactName())) {
            columns.add(ImportColumn.CONTACT_NAME);
        }
        if (!a.contactPhone().equals(b.contactPhone())) {
            columns.add(ImportColumn.CONTACT_PHONE);
        }
        if (!a.contactEmail().equals(b.contactEmail())) {
            columns.add(ImportColumn.CONTACT_EMAIL);
        }
        return columns;
    }

    /** The row, or null when a cell is wrong (its problems added). */
    private static ImportRow row(int line, Map<ImportColumn, String> cells, List<ImportProblem> problems) {
        Cells c = new Cells(line, cells, problems);
        String creditCode = c.creditCode();
        String unitName = c.text(ImportColumn.UNIT_NAME, 200);
        LeadUnitCategory category = c.unitCategory(creditCode);
        String contactName = c.text(ImportColumn.CONTACT_NAME, 100);
        String contactPhone = c.phone(ImportColumn.CONTACT_PHONE);
        String contactEmail = c.email(ImportColumn.CONTACT_EMAIL);
        TeamNameRule.TeamName teamName = c.teamName();
        Integer year = c.year();
        List<ServiceCategory> services = c.services();
        List<String> cities = c.list(ImportColumn.PILOT_CITIES, 50);
        List<String> regions = c.list(ImportColumn.OTHER_REGIONS, 50);
        List<String> keyFields = c.list(ImportColumn.KEY_FIELDS, 30);
        String leaderName = c.text(ImportColumn.LEADER_NAME, 100);
        String leaderField = c.text(ImportColumn.LEADER_FIELD, 200);
        String leaderTitle = c.text(ImportColumn.LEADER_TITLE, 100);
        String leaderAffiliation = c.text(ImportColumn.LEADER_AFFILIATION, 200);
        String handlerName = c.text(ImportColumn.HANDLER_NAME, 100);
        String handlerPhone = c.phone(ImportColumn.HANDLER_PHONE);
        String handlerEmail = c.email(ImportColumn.HANDLER_EMAIL);
        String handlerUser = c.text(ImportColumn.HANDLER_USER_ID, 200);
        if (c.wrong) {
            return null;
        }
        return new ImportRow(line,
                new ImportRow.Unit(creditCode, unitName, category, contactName, contactPhone, contactEmail),
                new ImportRow.Team(teamName.canonical(), teamName.serviceContent(), year, services, cities, regions,
                        keyFields, new Member(leaderName, leaderField, leaderTitle, leaderAffiliation,
                        MemberRole.LEADER), new HandlerContact(handlerName, handlerPhone, handlerEmail, handlerUser,
                        List.of())));
    }

    /** A header cell as a column name in a message: at most 50 characters, control characters as "?". */
    private static String shown(String cell) {
        StringBuilder b = new StringBuilder();
        cell.strip().chars().limit(50).forEach(ch -> b.append(Character.isISOControl(ch)
                || Character.isSurrogate((char) ch) ? '?' : (char) ch));
        return b.toString();
    }

    /** One row's cells, read column by column; {@code wrong} once any problem was added. */
    private static final class Cells {
        final int line;
        final Map<ImportColumn, String> cells;
        final List<ImportProblem> problems;
        boolean wrong;

        Cells(int line, Map<ImportColumn, String> cells, List<ImportProblem> problems) {
            this.line = line;
            this.cells = cells;
            this.problems = problems;
        }

        void problem(ImportColumn column, Text message) {
            problems.add(ImportProblem.of(line, column, message));
            wrong = true;
        }

        /** The cell's text, or null when it is empty (a problem if required) or breaks the input rules. */
        String raw(ImportColumn column) {
            String value = cells.get(column);
            Optional<Text> rule = InputRules.text(value);
            if (rule.isPresent()) {
                problem(column, rule.get());
                return null;
            }
            if (value.isEmpty()) {
                if (column.required) {
                    problem(column, Text.of("import.cell.required"));
                }
                return null;
            }
            return value;
        }

        String text(ImportColumn column, int max) {
            String value = raw(column);
            if (value != null && value.codePointCount(0, value.length()) > max) {
                problem(column, Text.of("import.cell.too-long", max, value.codePointCount(0, value.length())));
                return null;
            }
            return value;
        }

        String creditCode() {
            String value = raw(ImportColumn.CREDIT_CODE);
            if (value == null) {
                return null;
            }
            CreditCode.Result result = CreditCode.parse(value);
            if (result.error() != null) {
                Map<String, Object> p = result.params();
                problem(ImportColumn.CREDIT_CODE, switch (result.messageKey()) {
                    case "kczg.creditCode.length" -> Text.of("import.credit-code.length", p.get("length"));
                    case "kczg.creditCode.character" -> Text.of("import.credit-code.character", p.get("position"),
                            p.get("character"));
                    case "kczg.creditCode.check" -> Text.of("import.credit-code.check", p.get("start"),
                            p.get("expected"));
                    default -> Text.of("import.cell.required");
                });
                return null;
            }
            return result.code();
        }

        LeadUnitCategory unitCategory(String creditCode) {
            String value = raw(ImportColumn.UNIT_CATEGORY);
            if (value == null) {
                return null;
            }
            Optional<LeadUnitCategory> category = ImportLabels.unitCategory(value);
            if (category.isEmpty()) {
                problem(ImportColumn.UNIT_CATEGORY, Text.of("import.unit.category-unknown",
                        ImportLabels.unitCategoryChoices()));
                return null;
            }
            if (category.get() == LeadUnitCategory.OTHER) {
                problem(ImportColumn.UNIT_CATEGORY, Text.of("import.unit.category-not-eligible"));
                return null;
            }
            if (creditCode != null && !RegisteringAuthority.fits(creditCode, category.get())) {
                problem(ImportColumn.UNIT_CATEGORY, Text.of("import.unit.category-authority", creditCode.charAt(0),
                        ImportLabels.label(category.get())));
                return null;
            }
            return category.get();
        }

        String phone(ImportColumn column) {
            String value = raw(column);
            if (value != null && !PHONE.matcher(value).matches()) {
                problem(column, Text.of("import.cell.phone"));
                return null;
            }
            return value;
        }

        String email(ImportColumn column) {
            String value = raw(column);
            if (value != null && (value.length() > 200 || !EMAIL.matcher(value).matches())) {
                problem(column, Text.of("import.cell.email"));
                return null;
            }
            return value;
        }

        TeamNameRule.TeamName teamName() {
            String value = text(ImportColumn.TEAM_NAME, 200);
            if (value == null) {
                return null;
            }
            Optional<TeamNameRule.TeamName> name = TeamNameRule.parse(value);
            if (name.isEmpty()) {
                problem(ImportColumn.TEAM_NAME, TeamNameRule.expectedShape());
                return null;
            }
            return name.get();
        }

        Integer year() {
            String value = raw(ImportColumn.YEAR);
            if (value == null) {
                return null;
            }
            // a spreadsheet may hold the year as the number 2024.0
            String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
            if (!digits.matches("[0-9]{4}") || Integer.parseInt(digits) < MIN_YEAR
                    || Integer.parseInt(digits) > MAX_YEAR) {
                problem(ImportColumn.YEAR, Text.of("import.cell.year", MIN_YEAR, MAX_YEAR));
                return null;
            }
            return Integer.parseInt(digits);
        }

        List<ServiceCategory> services() {
            List<String> values = list(ImportColumn.SERVICE_CATEGORIES, 8);
            if (values == null) {
                return null;
            }
            LinkedHashSet<ServiceCategory> services = new LinkedHashSet<>();
            for (String value : values) {
                Optional<ServiceCategory> service = ImportLabels.service(value);
                if (service.isEmpty()) {
                    problem(ImportColumn.SERVICE_CATEGORIES, Text.of("import.team.service-unknown",
                            value.length() > 50 ? value.substring(0, 50) + "…" : value,
                            ImportLabels.serviceChoices()));
                    return null;
                }
                services.add(service.get());
            }
            return List.copyOf(services);
        }

        /** Items separated by 、，,;； or line breaks; empty for an optional empty cell. */
        List<String> list(ImportColumn column, int maxItems) {
            String value = raw(column);
            if (value == null) {
                return column.required ? null : List.of();
            }
            List<String> items = LIST_SEPARATORS.splitAsStream(value).map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().toList();
            if (items.isEmpty() && column.required) {
                problem(column, Text.of("import.cell.required"));
                return null;
            }
            if (items.size() > maxItems) {
                problem(column, Text.of("import.cell.too-many", maxItems, items.size()));
                return null;
            }
            for (String item : items) {
                if (item.codePointCount(0, item.length()) > 100) {
                    problem(column, Text.of("import.cell.item-too-long", 100));
                    return null;
                }
            }
            return items;
        }
    }
}
