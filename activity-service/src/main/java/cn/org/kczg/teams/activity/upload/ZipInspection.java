package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP package (ZIP, DOCX, XLSX) entry by entry to tell which it is, within bounds: at most
 * {@code maxEntries} entries, at most {@code maxInflated} uncompressed bytes in all, and no entry inflating to more
 * than {@code maxRatio} times the compressed bytes it came from. Every entry is read through, 8 KB at a time, and
 * what is counted is what the inflater really consumed and produced — never the sizes an entry's header claims. An
 * archive beyond a bound is refused (400 naming {@code file}) as soon as the bound is crossed, so a zip bomb costs
 * a few kilobytes of inflating, not gigabytes.
 *
 * <p>An archive that cannot be read to its end (damaged, or a layout {@link ZipInputStream} does not read) is a
 * plain ZIP, as it always was: the bounds held for everything read before.
 */
public record ZipInspection(int maxEntries, long maxInflated, int maxRatio) {
    /** An entry is judged by its ratio only once it inflated this much: a short run of spaces may well be 200:1. */
    static final long RATIO_GRACE = 64 * 1024;

    static ZipInspection of(UploadConfig.Zip config) {
        return new ZipInspection(config.maxEntries(), config.maxInflated().asLongValue(), config.maxRatio());
    }

    /** DOCX or XLSX when the package has their parts, otherwise ZIP; {@code in} is positioned at the archive's start. */
    FileType kindOf(InputStream in) {
        boolean contentTypes = false;
        boolean word = false;
        boolean sheet = false;
        byte[] buffer = new byte[8192];
        long total = 0;
        int entries = 0;
        try (CountingZipInputStream zip = new CountingZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > maxEntries) {
                    throw refused(Text.of("zip.too-many-entries", maxEntries));
                }
                contentTypes |= e.getName().equals("[Content_Types].xml");
                word |= e.getName().startsWith("word/");
                sheet |= e.getName().startsWith("xl/");
                long inflated = 0;
                // to the entry's end (-1): ZipInputStream would otherwise inflate the rest, unbounded, on the next entry
                for (int n; (n = zip.read(buffer)) != -1; ) {
                    inflated += n;
                    total += n;
                    if (total > maxInflated) {
                        throw refused(Text.of("zip.too-large-inflated", ByteSizes.human(maxInflated)));
                    }
                    long compressed = e.getMethod() == ZipEntry.STORED ? inflated : zip.compressedRead();
                    if (inflated > RATIO_GRACE && inflated > (long) maxRatio * Math.max(1, compressed)) {
                        throw refused(Text.of("zip.bomb", shortName(e.getName()), maxRatio));
                    }
                }
            }
        } catch (IOException e) {
            return FileType.ZIP;
        }
        return contentTypes && word ? FileType.DOCX : contentTypes && sheet ? FileType.XLSX : FileType.ZIP;
    }

    private static ProblemException refused(Text message) {
        return ProblemException.invalid("file", message);
    }

    private static String shortName(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }

    /** Tells how many compressed bytes the current entry's inflater consumed (it is reset for every entry). */
    private static final class CountingZipInputStream extends ZipInputStream {
        CountingZipInputStream(InputStream in) {
            super(in);
        }

        long compressedRead() {
            return inf.getBytesRead();
        }
    }
}
