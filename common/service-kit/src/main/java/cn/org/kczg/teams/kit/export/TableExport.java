package cn.org.kczg.teams.kit.export;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A list as a file, streamed: rows are read from the database as they are written (a stream over a server-side
 * cursor, in one read-only transaction), so 100,000 rows never sit in memory. CSV is UTF-8 with a byte-order mark
 * (Excel reads Chinese right only with it), CRLF lines, RFC 4180 quoting; XLSX is written by fastexcel, flushed every
 * {@value #FLUSH_EVERY} rows. Headers are Chinese; every text cell is {@link Cells#defused defused}.
 *
 * <p>Personal columns ({@link Column#personal}) are masked unless the caller acts in a role of
 * {@link #FULL_CONTACTS} — an export is a copy that leaves the platform, so it carries contacts only for those whose
 * work is to use them (docs/personal-data.md, "Masking").
 */
public final class TableExport {
    static final int FLUSH_EVERY = 1_000;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The roles whose exports show personal columns in full: the operator, who contacts people for the platform. */
    public static final Set<String> FULL_CONTACTS = Set.of(Roles.OPERATOR);

    private TableExport() {
    }

    /** As {@link #of(TableFormat, String, List, Supplier)}, personal columns in full if the caller's role needs them. */
    public static <T> Response of(TableFormat format, String name, List<Column<T>> columns, Supplier<Stream<T>> rows,
            Caller caller) {
        return write(format, name, disclosedTo(caller, columns), rows);
    }

    /** The columns as the caller may see them: personal ones masked unless a role of the caller needs them. */
    static <T> List<Column<T>> disclosedTo(Caller caller, List<Column<T>> columns) {
        if (FULL_CONTACTS.stream().anyMatch(caller::is)) {
            return columns;
        }
        return columns.stream().map(Column::masked).toList();
    }

    /**
     * The answer: the file named {@code <name>-<date>.<ext>}, its rows from {@code rows} (called in a transaction);
     * personal columns masked.
     */
    public static <T> Response of(TableFormat format, String name, List<Column<T>> columns, Supplier<Stream<T>> rows) {
        return write(format, name, columns.stream().map(Column::masked).toList(), rows);
    }

    private static <T> Response write(TableFormat format, String name, List<Column<T>> columns,
            Supplier<Stream<T>> rows) {
        StreamingOutput body = out -> QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<T> stream = rows.get()) {
                write(format, name, columns, stream.iterator(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String file = name + "-" + LocalDate.now(BEIJING) + "." + format.extension;
        return Response.ok(body, format.mediaType + (format == TableFormat.CSV ? ";charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"export." + format.extension + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    static <T> void write(TableFormat format, String sheet, List<Column<T>> columns, Iterator<T> rows, OutputStream out)
            throws IOException {
        if (format == TableFormat.CSV) {
            csv(columns, rows, out);
        } else {
            xlsx(sheet, columns, rows, out);
        }
    }

    private static <T> void csv(List<Column<T>> columns, Iterator<T> rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        line(w, columns.stream().map(c -> Cells.defused(c.header())).toList());
        while (rows.hasNext()) {
            T row = rows.next();
            line(w, columns.stream().map(c -> Cells.text(c.value().apply(row))).toList());
        }
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                w.write('"');
                w.write(cell.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(cell);
            }
        }
        w.write("\r\n");
    }

    private static <T> void xlsx(String sheet, List<Column<T>> columns, Iterator<T> rows, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "kczg", "1.0");
        Worksheet ws = workbook.newWorksheet(sheet.length() > 31 ? sheet.substring(0, 31) : sheet);
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, Cells.defused(columns.get(c).header()));
            ws.style(0, c).bold().set();
        }
        int r = 1;
        while (rows.hasNext()) {
            T row = rows.next();
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(row);
                if (value instanceof Number n && !(value instanceof java.math.BigInteger)) {
                    ws.value(r, c, n);
                } else if (value instanceof Boolean b) {
                    ws.value(r, c, b);
                } else if (value != null) {
                    ws.value(r, c, Cells.text(value));
                }
            }
            if (++r % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        ws.finish();
        workbook.finish();
    }
}
