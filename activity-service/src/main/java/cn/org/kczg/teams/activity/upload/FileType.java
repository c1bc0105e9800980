package cn.org.kczg.teams.activity.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the accepted types a file really is, judged from its bytes (a renamed executable is none of
 * them): PDF by its header; DOCX and XLSX are ZIP packages told apart by their parts; anything else in
 * a ZIP is a plain ZIP. ZIP packages are looked into within bounds ({@link ZipInspection}).
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ZIP("application/zip", "zip");

    public final String contentType;
    public final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /**
     * The type of the file's content, read from the file a little at a time: five bytes tell a PDF; a ZIP package
     * is read through within {@code zips}' bounds (beyond one: a {@code ProblemException} naming {@code file}).
     */
    public static Optional<FileType> sniff(Path file, ZipInspection zips) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.mark(8);
            byte[] head = in.readNBytes(5);
            in.reset();
            if (head.length == 5 && new String(head, StandardCharsets.US_ASCII).equals("%PDF-")) {
                return Optional.of(PDF);
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Optional.of(zips.kindOf(in));
            }
            return Optional.empty();
        }
    }

    /** The type the file name claims, if it is one we accept. */
    public static Optional<FileType> ofName(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return Optional.empty();
        }
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (FileType t : values()) {
            if (t.extension.equals(ext)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
