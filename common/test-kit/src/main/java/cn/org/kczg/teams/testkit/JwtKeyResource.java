package cn.org.kczg.teams.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points SmallRye JWT at the public half of {@link TestTokens}' key pair, SM2 tokens at {@link TestSm2Tokens}'. */
public class JwtKeyResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "kczg.jwt.sm2.publickey.location", TestSm2Tokens.publicKeyFile().toString());
    }

    @Override
    public void stop() {
        // the key file lives in the JVM's temp dir
    }
}
