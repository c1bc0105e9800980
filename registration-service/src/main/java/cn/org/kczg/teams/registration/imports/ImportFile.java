package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.kit.crypto.Sha256;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An uploaded import file as its lines of cells: XLSX (the first sheet) when its bytes are a ZIP package, otherwise
 * CSV in UTF-8 (with or without a byte-order mark). Line numbers are those a spreadsheet shows (the header is 1).
 */
record ImportFile(Format format, String sha256, List<CsvRows.Record> lines) {
    /** The largest file taken. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The most data rows in one file: checking them stays well inside the gateway's 10 s for a request. */
    static final int MAX_ROWS = 20_000;

    enum Format {
        CSV, XLSX
    }

    /** 413 {@code file-too-large} beyond {@link #MAX_BYTES}; 400 naming {@code file} when it cannot be read. */
    static ImportFile read(Path path) {
        long size = sizeOf(path);
        if (size > MAX_BYTES) {
            Text why = Text.of("import.file.too-large", MAX_BYTES / (1024 * 1024), size);
            throw new ProblemException(413, "file-too-large", Text.of("validation.field", "file", why),
                    List.of(new ProblemException.FieldText("file", why)));
        }
        if (size == 0) {
            throw ProblemException.invalid("file", Text.of("import.file.empty"));
        }
        try {
            byte[] head = new byte[4];
            int read;
            try (InputStream in = Files.newInputStream(path)) {
                read = in.readNBytes(head, 0, 4);
            }
            boolean zip = read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
            List<CsvRows.Record> lines = zip ? xlsx(path) : csv(path);
            if (lines.size() > MAX_ROWS + 1) {
                throw ProblemException.invalid("file", Text.of("import.file.too-many-rows", MAX_ROWS));
            }
            return new ImportFile(zip ? Format.XLSX : Format.CSV, Sha256.hex(path), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CsvRows.Record> csv(Path path) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", Text.of("import.file.not-utf8"));
        }
        try {
            return CsvRows.parse(text);
        } catch (CsvRows.Unterminated e) {
            throw ProblemException.invalid("file", Text.of("import.file.unterminated-quote", e.line));
        }
    }

    private static List<CsvRows.Record> xlsx(Path path) {
        List<CsvRows.Record> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int c = 0; c < row.getCellCount(); c++) {
                        String text = row.getCellText(c);
                        cells.add(text == null ? "" : text);
                    }
                    lines.add(new CsvRows.Record(row.getRowNum(), cells));
                    if (lines.size() > MAX_ROWS + 1) {
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", Text.of("import.file.unreadable-xlsx"));
        }
        return lines;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
