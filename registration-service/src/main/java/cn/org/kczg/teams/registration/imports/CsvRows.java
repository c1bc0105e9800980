package cn.org.kczg.teams.registration.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Excel writes it: comma-separated, fields in double quotes may hold commas, line breaks and doubled
 * quotes; lines end in CRLF or LF; a leading byte-order mark is dropped. Each record keeps the line it started on.
 */
final class CsvRows {
    private CsvRows() {
    }

    record Record(int line, List<String> cells) {
    }

    /** Thrown for a quote left open at the end of the text. */
    static final class Unterminated extends RuntimeException {
        final int line;

        Unterminated(int line) {
            super("a quoted field starting on line " + line + " is not closed");
            this.line = line;
        }
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int started = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    cell.append(c);
                }
                i++;
            }
            if (quoted) {
                throw new Unterminated(started);
            }
            cells.add(cell.toString());
            records.add(new Record(started, cells));
        }
        return records;
    }
}
