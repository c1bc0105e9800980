package cn.org.kczg.teams.registration.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Import files for tests: rows of the template's columns, written as CSV or XLSX. */
final class ImportFiles {
    private ImportFiles() {
    }

    /** A valid row of a 全国学会 (a civil-affairs code) and one team, with {@code changes} (header → cell) applied. */
    static Map<String, String> row(String creditCode, String unitName, String teamName, String... changes) {
        Map<String, String> row = new LinkedHashMap<>();
        for (ImportColumn c : ImportColumn.values()) {
            row.put(c.header, c.example);
        }
        row.put(ImportColumn.CREDIT_CODE.header, creditCode);
        row.put(ImportColumn.UNIT_NAME.header, unitName);
        row.put(ImportColumn.TEAM_NAME.header, teamName);
        for (int i = 0; i < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        return row;
    }

    static List<String> headers() {
        return Arrays.stream(ImportColumn.values()).map(c -> c.header).toList();
    }

    static byte[] csv(List<String> headers, List<Map<String, String>> rows, boolean bom) {
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        b.append(line(headers));
        for (Map<String, String> row : rows) {
            b.append(line(headers.stream().map(h -> row.getOrDefault(h, "")).toList()));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(List<Map<String, String>> rows) {
        return csv(headers(), rows, false);
    }

    static byte[] xlsx(List<Map<String, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("导入");
            List<String> headers = headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < headers.size(); c++) {
                    String value = rows.get(r).get(headers.get(c));
                    if (headers.get(c).equals(ImportColumn.YEAR.header)) {
                        sheet.value(r + 1, c, Integer.parseInt(value)); // a number cell, as Excel keeps a year
                    } else {
                        sheet.value(r + 1, c, value);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", quoted) + "\r\n";
    }
}
