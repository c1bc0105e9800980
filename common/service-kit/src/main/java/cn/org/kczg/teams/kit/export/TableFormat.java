package cn.org.kczg.teams.kit.export;

import java.util.Optional;

/** What a list can also be read as, beside JSON: chosen by {@code Accept}. */
public enum TableFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    /** For {@code @Produces} on an export method. */
    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public final String mediaType;
    public final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The table format an {@code Accept} header asks for first, if any (XLSX wins a tie: it is the more specific). */
    public static Optional<TableFormat> accepted(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        String a = accept.toLowerCase();
        if (a.contains(XLSX_TYPE)) {
            return Optional.of(XLSX);
        }
        return a.contains(CSV_TYPE) ? Optional.of(CSV) : Optional.empty();
    }
}
