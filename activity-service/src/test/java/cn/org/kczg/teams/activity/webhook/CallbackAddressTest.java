package cn.org.kczg.teams.activity.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.activity.webhook.CallbackAddress.Refusal;
import cn.org.kczg.teams.activity.webhook.CallbackAddress.Refused;
import cn.org.kczg.teams.activity.webhook.CallbackAddress.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Where a webhook may point, without Quarkus and without DNS: names resolve through a table. */
class CallbackAddressTest {
    private static final Map<String, String[]> DNS = Map.of(
            "partner.example.com", new String[] {"93.184.216.34"},
            "internal.example.com", new String[] {"10.1.2.3"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "dual.example.com", new String[] {"93.184.216.34", "10.0.0.5"},
            "v6.example.com", new String[] {"2606:4700::1111"},
            "rebound.example.com", new String[] {"::ffff:192.168.0.1"},
            "localhost", new String[] {"127.0.0.1", "::1"},
            "loop-and-lan.example.com", new String[] {"127.0.0.1", "10.0.0.1"});

    private static final CallbackAddress STRICT = new CallbackAddress(false, CallbackAddressTest::resolve);
    private static final CallbackAddress LOCAL = new CallbackAddress(true, CallbackAddressTest::resolve);

    /** The table for names, the JDK for literals only (never a real look-up). */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] table = DNS.get(host);
        if (table != null) {
            InetAddress[] addresses = new InetAddress[table.length];
            for (int i = 0; i < table.length; i++) {
                addresses[i] = InetAddress.getByName(table[i]);
            }
            return addresses;
        }
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*|0x[0-9a-fA-F.x]+")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    private static Refusal refusal(CallbackAddress rule, String url) {
        return assertThrows(Refused.class, () -> rule.check(url), url).refusal();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.1/hook", "https://10.255.255.255/", "https://172.16.0.1/",
            "https://172.31.255.255/", "https://192.168.1.1/", "https://127.0.0.1/", "https://127.1.2.3/",
            "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://100.127.255.254/",
            "https://0.0.0.0/", "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/",
            "https://240.0.0.1/", "https://192.0.2.1/", "https://198.18.0.1/", "https://198.51.100.7/",
            "https://203.0.113.9/", "https://192.0.0.8/", "https://[::1]/", "https://[::]/", "https://[fe80::1]/",
            "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fec0::1]/", "https://[ff02::1]/",
            "https://[::ffff:10.0.0.1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:a9fe:a9fe]/", "https://[::10.0.0.1]/", "https://[64:ff9b::a00:1]/",
            "https://[2002:a00:1::1]/", "https://[2001:db8::1]/", "https://[2001:0:4136:e378::1]/",
            "https://[100::1]/", "https://[::ffff:100.64.1.1]/",
            "https://internal.example.com/hook", "https://metadata.example.com/", "https://dual.example.com/",
            "https://rebound.example.com/", "https://localhost/", "https://loop-and-lan.example.com/"})
    void refusesHostsThatAreOrResolveToNonPublicAddresses(String url) {
        assertEquals(Refusal.NOT_PUBLIC, refusal(STRICT, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0x7f.0.0.1/", "https://127.1/", "https://0177.0.0.1/",
            "https://010.0.0.1/", "https://[::ffff:7f00:1]/"})
    void refusesOddSpellingsOfLoopbackWhateverTheyParseAs(String url) {
        Refusal refusal = refusal(STRICT, url);
        assertEquals(true, refusal != Refusal.TOO_LONG && refusal != Refusal.USER_INFO, url + ": " + refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://partner.example.com/kczg/webhooks?x=1",
            "https://[2606:4700::1111]/", "https://v6.example.com/", "https://1.1.1.1:8443/x",
            "https://100.63.255.255/", "https://100.128.0.1/", "https://172.15.255.255/", "https://172.32.0.1/",
            "https://169.253.255.255/", "https://192.169.0.1/", "https://[2a00:1450:4001::200e]/",
            "HTTPS://PARTNER.EXAMPLE.COM/"})
    void acceptsPublicHttpsUrls(String url) throws Refused {
        STRICT.check(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/", "http://partner.example.com/hook", "ftp://partner.example.com/",
            "javascript:alert(1)", "file:///etc/passwd", "//partner.example.com/hook", "hook", "/api/hook",
            "mailto:a@partner.example.com", "gopher://93.184.216.34/"})
    void refusesAnythingButAbsoluteHttps(String url) {
        assertEquals(Refusal.NOT_HTTPS, refusal(STRICT, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:secret@partner.example.com/", "https://user@93.184.216.34/",
            "https://partner.example.com@10.0.0.1/"})
    void refusesUserInfo(String url) {
        assertEquals(Refusal.USER_INFO, refusal(STRICT, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///path", "https://exa mple.com/", "https://[::1/", "https://host:0/",
            "https://under_score.example.com/", " ", "https://partner.example.com:99999/"})
    void refusesMalformedUrls(String url) {
        assertEquals(Refusal.MALFORMED, refusal(STRICT, url));
    }

    @Test
    void refusesUrlsLongerThan2000CharactersAndNamesThatDoNotResolve() {
        String base = "https://partner.example.com/";
        assertEquals(Refusal.TOO_LONG, refusal(STRICT, base + "a".repeat(CallbackAddress.MAX_LENGTH - base.length() + 1)));
        assertDoesNotRefuse(base + "a".repeat(CallbackAddress.MAX_LENGTH - base.length()));
        assertEquals(Refusal.UNRESOLVABLE, refusal(STRICT, "https://nowhere.invalid/hook"));
    }

    private static void assertDoesNotRefuse(String url) {
        try {
            STRICT.check(url);
        } catch (Refused e) {
            throw new AssertionError(url.length() + " characters refused: " + e.refusal());
        }
    }

    @Test
    void loopbackOverPlainHttpOnlyWhenAllowedAndThenOnlyLoopback() throws Refused {
        assertEquals(Refusal.NOT_HTTPS, refusal(STRICT, "http://127.0.0.1:8080/hook"));
        assertEquals(Refusal.NOT_PUBLIC, refusal(STRICT, "https://[::1]:8443/hook"));
        LOCAL.check("http://127.0.0.1:8080/hook");
        LOCAL.check("http://localhost:8080/hook");
        LOCAL.check("http://[::1]:9/");
        LOCAL.check("https://127.0.0.1/");
        LOCAL.check("https://partner.example.com/hook");
        assertEquals(Refusal.NOT_HTTPS, refusal(LOCAL, "http://10.0.0.1/"));
        assertEquals(Refusal.NOT_HTTPS, refusal(LOCAL, "http://93.184.216.34/"));
        assertEquals(Refusal.NOT_HTTPS, refusal(LOCAL, "http://loop-and-lan.example.com/"));
        assertEquals(Refusal.NOT_PUBLIC, refusal(LOCAL, "https://10.0.0.1/"));
        assertEquals(Refusal.NOT_PUBLIC, refusal(LOCAL, "https://169.254.169.254/"));
        assertEquals(Refusal.NOT_PUBLIC, refusal(LOCAL, "https://loop-and-lan.example.com/"));
    }

    @Test
    void theTargetIsTheCheckedAddressWithTheHostNameForTheRequest() throws Exception {
        Target target = STRICT.check("https://partner.example.com/kczg/hook?tenant=7#fragment");
        assertEquals(InetAddress.getByName("93.184.216.34"), target.address());
        assertEquals("partner.example.com", target.host());
        assertEquals(443, target.port());
        assertEquals(true, target.https());
        assertEquals("/kczg/hook?tenant=7", target.pathAndQuery());
        Target local = LOCAL.check("http://[::1]:8081");
        assertEquals(8081, local.port());
        assertEquals("/", local.pathAndQuery());
        assertEquals("::1", local.host());
    }
}
