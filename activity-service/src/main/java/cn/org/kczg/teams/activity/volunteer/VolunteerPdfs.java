package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.HoursEntry;
import cn.org.kczg.teams.activity.volunteer.VolunteerDtos.HoursStatement;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jboss.logging.Logger;

/**
 * The printable documents of Art. 13: a certificate (A4, Chinese, with the QR code of its public verification URL)
 * and a volunteer's hours statement. The CJK font is read from disk once; each PDF embeds only the glyphs it uses.
 */
@ApplicationScoped
public class VolunteerPdfs {
    private static final Logger LOG = Logger.getLogger(VolunteerPdfs.class);
    private static final float MARGIN = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    CredentialsConfig config;

    private byte[] fontFile;

    /** Without the font the service still runs; only its PDFs answer 503 (an installation's fault, said once here). */
    @PostConstruct
    void readFont() {
        try {
            fontFile = Files.readAllBytes(Path.of(config.fontLocation()));
        } catch (IOException e) {
            LOG.errorf("kczg.credentials.font-location: no CJK font at %s (Debian: apt-get install "
                    + "fonts-wqy-microhei); certificate and hours PDFs answer 503 until there is one", config.fontLocation());
        }
    }

    public byte[] certificate(CertificateFacts facts, String verificationUrl) {
        Certificate c = facts.certificate();
        try (PDDocument doc = new PDDocument()) {
            Page page = new Page(doc, font(doc));
            info(doc, facts.title(), c.holderName);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            page.centered(facts.title(), 24, 760);
            float y = 690;
            y = page.paragraph("兹证明 " + c.holderName + " 同志", 16, y, width);
            y -= 12;
            String body = c.kind == Certificate.Kind.OUTSTANDING_MEMBER
                    ? "在" + facts.year() + "年度" + c.teamName + "的科技服务工作中表现突出，经牵头单位推荐、平台审核，"
                            + "被评为“科创中国”科技服务团优秀团员。"
                    : "参加" + c.teamName + "组织的“" + facts.activityTitle() + "”活动"
                            + (facts.activityDate() == null ? "" : "（" + DAY.format(facts.activityDate()) + "）")
                            + "，担任" + facts.role() + "，服务时长经牵头单位确认。";
            y = page.paragraph(body, 14, y, width);
            if (facts.hours() != null) {
                y -= 6;
                y = page.paragraph("服务时长：" + facts.hours().toPlainString() + " 小时", 14, y, width);
            }
            y -= 30;
            y = page.paragraph("颁发团队：" + c.teamName, 12, y, width);
            y = page.paragraph("颁发日期：" + day(c.issuedAt), 12, y, width);
            y = page.paragraph("证书编号：" + c.code, 12, y, width);
            if (c.status == Certificate.Status.REVOKED) {
                y = page.paragraph("状态：已撤销（" + day(c.revokedAt) + "）", 12, y, width);
            }
            page.qr(verificationUrl, MARGIN, 120, 130);
            page.paragraph("扫描二维码或访问以下地址核验本证书：", 10, 110, width);
            page.paragraph(verificationUrl, 9, 96, width);
            page.paragraph("本证书另有平台签名的可验证凭证（Open Badges 3.0，JWS），可离线核验。", 9, 80, width);
            page.close();
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] hoursStatement(HoursStatement s) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = font(doc);
            info(doc, "志愿服务时长证明", s.volunteerName());
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            Page page = new Page(doc, font);
            page.centered("“科创中国”科技服务团志愿服务时长证明", 20, 770);
            float y = 720;
            y = page.paragraph("志愿者：" + (s.volunteerName() == null ? s.volunteer() : s.volunteerName()), 12, y, width);
            y = page.paragraph("期间：" + DAY.format(s.from()) + " 至 " + DAY.format(s.to()), 12, y, width);
            y = page.paragraph("经牵头单位确认的服务时长合计：" + s.totalHours().toPlainString() + " 小时（"
                    + s.entries().size() + " 项）", 12, y, width);
            y -= 14;
            for (HoursEntry e : s.entries()) {
                if (y < MARGIN + 60) {
                    page.close();
                    page = new Page(doc, font);
                    y = 780;
                }
                y = page.paragraph(DAY.format(e.date()) + "  " + e.activity() + "（" + e.teamName() + "）", 11, y, width);
                y = page.paragraph("    " + e.role() + "  " + e.hours().toPlainString() + " 小时", 11, y, width);
                y -= 4;
            }
            page.close();
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font font(PDDocument doc) throws IOException {
        if (fontFile == null) {
            throw new ProblemException(503, "pdf-unavailable", Text.of("certificate.pdf-unavailable"));
        }
        TrueTypeFont ttf;
        if (fontFile.length > 4 && fontFile[0] == 't' && fontFile[1] == 't' && fontFile[2] == 'c' && fontFile[3] == 'f') {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontFile));
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            ttf = first.get();
        } else {
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
        }
        return PDType0Font.load(doc, ttf, true);
    }

    private static void info(PDDocument doc, String title, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(author);
        info.setCreator("“科创中国”科技服务团平台");
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static String day(Instant at) {
        return at == null ? "" : DAY.format(LocalDate.ofInstant(at, CertificateFacts.CHINA));
    }

    /** One A4 page being written. */
    private static final class Page {
        private final PDDocument doc;
        private final PDType0Font font;
        private final PDPageContentStream out;

        Page(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            this.out = new PDPageContentStream(doc, page);
        }

        void centered(String text, float size, float y) throws IOException {
            String printable = printable(text);
            float w = font.getStringWidth(printable) / 1000 * size;
            show(printable, size, (PDRectangle.A4.getWidth() - w) / 2, y);
        }

        /** Writes text wrapped to {@code width} from {@code y} down; answers where the next line goes. */
        float paragraph(String text, float size, float y, float width) throws IOException {
            for (String line : lines(printable(text), size, width)) {
                show(line, size, MARGIN, y);
                y -= size * 1.6f;
            }
            return y;
        }

        void qr(String url, float x, float y, float size) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            } catch (WriterException e) {
                throw new IllegalStateException("a verification URL fits a QR code", e);
            }
            int scale = 4;
            BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int i = 0; i < image.getWidth(); i++) {
                for (int j = 0; j < image.getHeight(); j++) {
                    image.setRGB(i, j, matrix.get(i / scale, j / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            out.drawImage(xobject, PDRectangle.A4.getWidth() - MARGIN - size, y, size, size);
        }

        void close() throws IOException {
            out.close();
        }

        private void show(String text, float size, float x, float y) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(text);
            out.endText();
        }

        private List<String> lines(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (used + w > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Characters the font has no glyph for (and control characters) print as '?', never fail the document. */
        private String printable(String text) {
            StringBuilder sb = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    sb.append(' ');
                    return;
                }
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    sb.append(ch);
                } catch (IllegalArgumentException | IOException noGlyph) {
                    sb.append('?');
                }
            });
            return sb.toString();
        }
    }
}
