package cn.org.kczg.teams.activity.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.kit.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Looking into ZIP packages within bounds: entries, bytes unpacked, and the ratio of each entry. */
class ZipInspectionTest {
    private static final ZipInspection DEFAULTS = new ZipInspection(1000, 100L * 1024 * 1024, 100);

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** One entry of {@code mib} MiB of zeros: deflate packs them about 1000:1. */
    static byte[] zeros(String name, int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < mib; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] stored(int entries, int bytesEach) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] data = new byte[bytesEach];
        CRC32 crc = new CRC32();
        crc.update(data);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                ZipEntry e = new ZipEntry("part" + i + ".bin");
                e.setMethod(ZipEntry.STORED);
                e.setSize(bytesEach);
                e.setCompressedSize(bytesEach);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String refusal(ZipInspection inspection, byte[] archive) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> inspection.kindOf(new ByteArrayInputStream(archive)));
        assertEquals(400, e.status());
        assertEquals("file", e.errors().get(0).field());
        return e.getMessage();
    }

    @Test
    void officePackagesAreToldApartByTheirParts() throws IOException {
        assertEquals(FileType.DOCX, DEFAULTS.kindOf(new ByteArrayInputStream(zip("[Content_Types].xml", "word/document.xml"))));
        assertEquals(FileType.XLSX, DEFAULTS.kindOf(new ByteArrayInputStream(zip("xl/workbook.xml", "[Content_Types].xml"))));
        assertEquals(FileType.ZIP, DEFAULTS.kindOf(new ByteArrayInputStream(zip("photos/1.jpg", "word/x.xml"))));
        byte[] damaged = Arrays.copyOf(zip("[Content_Types].xml", "word/document.xml"), 40);
        assertEquals(FileType.ZIP, DEFAULTS.kindOf(new ByteArrayInputStream(damaged)), "unreadable: a plain ZIP, as before");
    }

    @Test
    void aZipBombIsRefusedAfterAFewKilobytesOfIt() throws IOException {
        byte[] bomb = zeros("word/document.xml", 64);
        assertTrue(bomb.length > 40_000, "64 MiB of zeros deflate to some 64 KB: " + bomb.length);
        long[] consumed = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(bomb)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(n, 0);
                return n;
            }
        };
        ProblemException e = assertThrows(ProblemException.class, () -> DEFAULTS.kindOf(counting));
        assertEquals("file", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("\"word/document.xml\" inflates to more than 100 times"), e.getMessage());
        assertTrue(consumed[0] < 8 * 1024, "stopped after " + consumed[0] + " of " + bomb.length + " bytes");
    }

    @Test
    void noMoreEntriesThanTheLimitAreRead() throws IOException {
        ZipInspection tenEntries = new ZipInspection(10, DEFAULTS.maxInflated(), DEFAULTS.maxRatio());
        String[] ten = new String[10];
        Arrays.setAll(ten, i -> "e" + i + ".xml");
        assertEquals(FileType.ZIP, tenEntries.kindOf(new ByteArrayInputStream(zip(ten))));
        String[] eleven = Arrays.copyOf(ten, 11);
        eleven[10] = "e10.xml";
        assertTrue(refusal(tenEntries, zip(eleven)).contains("more than 10 entries"));
    }

    @Test
    void whatIsUnpackedInAllIsBoundedThoughNoEntryLooksLikeABomb() throws IOException {
        ZipInspection oneMiB = new ZipInspection(1000, 1024 * 1024, 100);
        assertEquals(FileType.ZIP, oneMiB.kindOf(new ByteArrayInputStream(stored(2, 400 * 1024))));
        assertTrue(refusal(oneMiB, stored(3, 400 * 1024)).contains("unpacks to more than 1.0 MB"));
    }

    /** The local header says 10 bytes; the entry inflates to 2 MiB: what counts is what the inflater produced. */
    @Test
    void sizesInHeadersAreNotBelieved() throws IOException {
        byte[] data = new byte[2 * 1024 * 1024];
        Arrays.fill(data, (byte) 'a');
        CRC32 crc = new CRC32();
        crc.update(data);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] sink = new byte[64 * 1024];
        long compressed = 0;
        while (!deflater.finished()) {
            compressed += deflater.deflate(sink);
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry("data.bin");
            e.setSize(data.length);
            e.setCompressedSize(compressed);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        byte[] archive = out.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(data.length, header.getInt(22), "the local header's uncompressed size");
        header.putInt(22, 10);
        ZipInspection noRatio = new ZipInspection(1000, 1024 * 1024, Integer.MAX_VALUE);
        assertTrue(refusal(noRatio, archive).contains("unpacks to more than 1.0 MB"));
    }
}
