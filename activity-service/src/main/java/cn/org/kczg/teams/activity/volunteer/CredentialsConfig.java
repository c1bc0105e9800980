package cn.org.kczg.teams.activity.volunteer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How certificates become documents and verifiable credentials (Art. 13, issue 21). */
@ConfigMapping(prefix = "kczg.credentials")
public interface CredentialsConfig {
    /**
     * The platform's credential signing key: a PKCS#8 PEM EC P-256 private key (ES256). Without it the service
     * makes one at start that dies with the process: for development only.
     */
    Optional<String> signingKeyLocation();

    /** Where the public reaches the platform: the QR code and the credentials point here. */
    @WithDefault("https://kczg.org.cn")
    String publicBaseUrl();

    /** The issuer's name in every credential. */
    @WithDefault("“科创中国”科技服务团平台")
    String issuerName();

    /**
     * A CJK TrueType font (TTF, or a TTC whose first font is taken) whose licence allows embedding; a subset goes
     * into each PDF. Debian's fonts-wqy-microhei by default (Apache-2.0 or GPLv3 with the font exception).
     */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    String fontLocation();
}
