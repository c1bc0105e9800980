package cn.org.kczg.teams.activity.upload;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;

/**
 * A stored file as a download: its own media type and length, saved (never shown inline) under its name, which
 * travels as RFC 8187 UTF-8 so Chinese names arrive whole, and {@code nosniff} so no browser reads it as another type.
 */
public final class FileDownload {
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileDownload() {
    }

    public static Response of(StreamingOutput body, String contentType, long size, String fileName, String sha256) {
        return Response.ok(body, contentType).header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded(fileName))
                .header("X-Content-Type-Options", "nosniff").header("X-Content-SHA256", sha256).build();
    }

    /** RFC 8187 {@code value-chars}: letters, digits and {@link #ATTR_CHARS} as they are, every other byte %XX. */
    static String encoded(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
