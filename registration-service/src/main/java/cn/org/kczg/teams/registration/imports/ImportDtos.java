package cn.org.kczg.teams.registration.imports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records of {@link ImportResource}. */
public final class ImportDtos {
    private ImportDtos() {
    }

    @Schema(name = "ImportProblem", description = "Issue 21: what is wrong in one cell of an import file.")
    public record ProblemView(
            @Schema(description = "The line as a spreadsheet numbers it: the header is 1, the first data row 2.",
                    required = true, example = "3") int row,
            @Schema(description = "The column's Chinese header (for a header problem: the header as found).",
                    required = true, example = "统一社会信用代码") String column,
            @Schema(description = "Why, in the caller's language (Chinese unless Accept-Language prefers English).",
                    required = true, example = "校验码有误：以 51100000500012345 开头的代码，第 18 位应为 2")
            String message) {
        static ProblemView of(ImportProblem problem, Locale locale) {
            return new ProblemView(problem.row(), problem.column(), problem.message().in(locale));
        }
    }

    @Schema(name = "ImportCounts", description = "Issue 21: lead units and teams (created, or found unchanged).")
    public record Counts(
            @Schema(description = "Lead units (distinct credit codes).", required = true, example = "120") int leadUnits,
            @Schema(description = "Teams.", required = true, example = "300") int teams) {
    }

    static final String STALLED = "interrupted: no batch for 5 minutes (the instance running it stopped); import the "
            + "same file again to complete it";

    @Schema(name = "ImportView", description = "Issue 21: an import of existing lead units and teams, a dry run or "
            + "the real one, with its figures.")
    public record ImportView(
            @Schema(description = "The import's id.", required = true) UUID id,
            @Schema(description = "Whether it was a dry run (checked, nothing imported).", required = true)
            boolean dryRun,
            @Schema(description = "Where it stands.", required = true) ImportStatus status,
            @Schema(description = "The uploaded file's name.", example = "存量团队.xlsx") String fileName,
            @Schema(description = "CSV or XLSX, as judged from the file's bytes.", required = true, example = "CSV")
            String format,
            @Schema(description = "SHA-256 of the file, hex.", required = true) String sha256,
            @Schema(description = "Data rows in the file (blank lines not counted).", required = true, example = "300")
            int rows,
            @Schema(description = "Rows without a problem.", required = true, example = "298") int valid,
            @Schema(description = "How many problems the file has.", required = true, example = "2") int problemCount,
            @Schema(description = "Every problem, by row and column (in the answer to the upload only; a real run "
                    + "imports nothing while there is one).") List<ProblemView> problems,
            @Schema(description = "Created so far (a dry run: would be created).", required = true) Counts created,
            @Schema(description = "Already registered as in the file, left as they are.", required = true)
            Counts unchanged,
            @Schema(description = "Why a FAILED import stopped.") String failure,
            @Schema(description = "The operator who uploaded it (token subject).") String createdBy,
            @Schema(description = "When it was uploaded.", required = true) Instant createdAt,
            @Schema(description = "When it was checked, refused or finished.") Instant finishedAt) {
        /** The record as it stands at {@code now}: a stalled run shows as FAILED, as it is. */
        static ImportView of(DataImport i, List<ProblemView> problems, Instant now) {
            boolean stalled = i.stalled(now);
            return new ImportView(i.id, i.dryRun, stalled ? ImportStatus.FAILED : i.status, i.fileName, i.fileFormat,
                    i.fileSha256, i.rows, i.valid, i.problems, problems, new Counts(i.leadUnitsCreated, i.teamsCreated),
                    new Counts(i.leadUnitsUnchanged, i.teamsUnchanged), stalled ? STALLED : i.failure, i.createdBy,
                    i.createdAt, i.finishedAt);
        }
    }

    @Schema(name = "ImportTemplateColumn", description = "Issue 21: one column of the import file.")
    public record TemplateColumn(
            @Schema(description = "The Chinese header the file must carry.", required = true, example = "统一社会信用代码")
            String header,
            @Schema(description = "Whether every row must fill it.", required = true) boolean required,
            @Schema(description = "An example value.", required = true, example = "511000005000123452") String example) {
    }

    @Schema(name = "ImportTemplate", description = "Issue 21: the columns of an import file, in the template's order.")
    public record Template(
            @Schema(description = "The columns; a file has every one (any order), one row per team.", required = true)
            List<TemplateColumn> columns,
            @Schema(description = "Labels accepted in 单位类别 (or the LeadUnitCategory codes).", required = true)
            List<String> unitCategories,
            @Schema(description = "Labels accepted in 服务类别 (or the ServiceCategory codes), several separated by 、",
                    required = true) List<String> serviceCategories) {
    }
}
