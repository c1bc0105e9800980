package cn.org.kczg.teams.activity.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileDownloadTest {
    @Test
    void aFileNameTravelsAsRfc8187ValueCharsAndDecodesBackWhole() {
        assertEquals("big%20report.pdf", FileDownload.encoded("big report.pdf"));
        // * ' ( ) and ; are no attr-chars: a filename* value must not carry them as they are
        assertEquals("a%2Ab%27c%28%29%3B.pdf", FileDownload.encoded("a*b'c();.pdf"));
        assertEquals("%E8%AE%BE%E5%A4%87%E6%B8%85%E5%8D%95.pdf", FileDownload.encoded("设备清单.pdf"));
        String name = "第三季度 报告（终稿）+附件~1.pdf";
        assertEquals(name, URLDecoder.decode(FileDownload.encoded(name).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
