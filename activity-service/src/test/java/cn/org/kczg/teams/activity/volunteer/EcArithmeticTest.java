package cn.org.kczg.teams.activity.volunteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.RepeatedTest;

class EcArithmeticTest {
    @RepeatedTest(5)
    void derivesThePublicPointTheJdkMadeWithThePrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        assertEquals(((ECPublicKey) pair.getPublic()).getW(), EcArithmetic.multiply(priv.getParams(), priv.getS()));
    }
}
