package cn.org.kczg.teams.activity.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the known types a file really is, judged from its bytes (a renamed executable is none of
 * them): PDF, PNG and JPEG by their headers; DOCX and XLSX are ZIP packages told apart by their parts; anything
 * else in a ZIP is a plain ZIP. ZIP packages are looked into within bounds ({@link ZipInspection}). Each use says
 * which of them it accepts ({@link #DOCUMENTS}, {@link #DOCUMENTS_AND_IMAGES}).
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ZIP("application/zip", "zip"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg");

    /** What periodic uploads accept. */
    public static final Set<FileType> DOCUMENTS = EnumSet.of(PDF, DOCX, XLSX, ZIP);
    /** What a ticket's attachments accept: documents and screenshots or photos. */
    public static final Set<FileType> DOCUMENTS_AND_IMAGES = EnumSet.allOf(FileType.class);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public final String contentType;
    /** The file name endings that claim this type, the usual one first. */
    public final List<String> extensions;

    FileType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** DOCX and XLSX are ZIP packages: one named .zip is what it claims. */
    boolean isZipPackage() {
        return this == ZIP || this == DOCX || this == XLSX;
    }

    /**
     * The type of the file's content, read from the file a little at a time: its first bytes tell a PDF, PNG or
     * JPEG; a ZIP package is read through within {@code zips}' bounds (beyond one: a {@code ProblemException} naming
     * {@code file}).
     */
    public static Optional<FileType> sniff(Path file, ZipInspection zips) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
                return Optional.of(PDF);
            }
            if (Arrays.equals(head, PNG_SIGNATURE)) {
                return Optional.of(PNG);
            }
            if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
                return Optional.of(JPEG);
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Optional.of(zips.kindOf(in));
            }
            return Optional.empty();
        }
    }

    /** The type the file name claims, if it is one we know. */
    public static Optional<FileType> ofName(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return Optional.empty();
        }
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (FileType t : values()) {
            if (t.extensions.contains(ext)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
