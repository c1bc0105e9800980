package cn.org.kczg.teams.activity.library;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/v1/library/{id}}, for the API document only: the service reads the patch as a JSON
 * tree and merges it onto the entry's editable content ({@link LibraryService.Edit}) with the kit's {@code MergePatch}.
 */
@Schema(name = "LibraryEntryPatch", description = "A JSON Merge Patch (RFC 7396) of a DRAFT or REJECTED library entry, "
        + "sent as application/merge-patch+json or application/json. Every field is optional: absent, it stays "
        + "unchanged; null, it is cleared; any other value replaces it. The merged entry is checked like a new one, so "
        + "the title cannot be cleared, an open-source entry keeps an https repository and an SPDX licence id, and an "
        + "unknown field is refused (400).")
public record LibraryEntryPatch(
        @Schema(description = "The title. Absent: unchanged; null: refused, an entry always has a title.",
                maxLength = 200, nullable = true, example = "车规级芯片国产化测试难题")
        String title,
        @Schema(description = "The industry field. Absent: unchanged; null: cleared.", maxLength = 100,
                nullable = true, example = "集成电路")
        String industryField,
        @Schema(description = "The region it concerns. Absent: unchanged; null: cleared.", maxLength = 100,
                nullable = true, example = "上海市")
        String region,
        @Schema(description = "What the entry is about. Absent: unchanged; null: cleared.", maxLength = 20_000,
                nullable = true, example = "缺少车规级可靠性测试平台，需联合开展 AEC-Q100 认证测试。")
        String description,
        @Schema(description = "The repository, an https URL. Absent: unchanged; null: cleared (refused for an "
                + "open-source entry, which needs one).", maxLength = 500, pattern = "^https://\\S+$",
                nullable = true, example = "https://gitee.com/example/vision")
        String repositoryUrl,
        @Schema(description = "The SPDX licence id, e.g. Apache-2.0, MIT or MulanPSL-2.0. Absent: unchanged; null: "
                + "cleared (refused for an open-source entry, which needs one).", maxLength = 50, nullable = true,
                example = "MulanPSL-2.0")
        String licence) {
}
