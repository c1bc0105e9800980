package cn.org.kczg.teams.activity.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Which of the accepted types a file really is, judged from its bytes (a renamed executable is none of
 * them): PDF by its header; DOCX and XLSX are ZIP packages told apart by their parts; anything else in
 * a ZIP is a plain ZIP.
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

    public static Optional<FileType> sniff(byte[] bytes) {
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return Optional.of(officeKind(bytes));
        }
        return Optional.empty();
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

    private static FileType officeKind(byte[] bytes) {
        boolean contentTypes = false;
        boolean word = false;
        boolean sheet = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                contentTypes |= e.getName().equals("[Content_Types].xml");
                word |= e.getName().startsWith("word/");
                sheet |= e.getName().startsWith("xl/");
            }
        } catch (IOException e) {
            return ZIP;
        }
        return contentTypes && word ? DOCX : contentTypes && sheet ? XLSX : ZIP;
    }
}
