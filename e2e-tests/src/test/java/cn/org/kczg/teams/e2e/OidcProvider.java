package cn.org.kczg.teams.e2e;

import cn.org.kczg.teams.testkit.FreePorts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real OpenID Connect provider on loopback for the console's browser test — the part of the platform's identity
 * provider the console uses: discovery, the authorization endpoint (no login page: it approves at once) and the token
 * endpoint, which checks the PKCE verifier against the challenge (S256), the client and the redirect URI, and answers
 * with the access token the test queued ({@code POST /next}) and an ID token carrying the request's nonce, signed with
 * the provider's own key.
 */
final class OidcProvider implements AutoCloseable {
    static final String CLIENT_ID = "kczg-console";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair signingKey;
    private final AtomicReference<String> next = new AtomicReference<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    /** Codes the token endpoint exchanged (each once). */
    final Map<String, String> exchanged = new ConcurrentHashMap<>();

    private record Grant(String challenge, String redirectUri, String nonce, String accessToken) {
    }

    OidcProvider() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        signingKey = rsa.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/next", this::queue);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange x) throws IOException {
        json(x, 200, "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                + "\"token_endpoint\":\"" + issuer() + "/token\",\"response_types_supported\":[\"code\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],\"grant_types_supported\":[\"authorization_code\"]}");
    }

    /** The test says which token the next sign-in gets (the role it wants). */
    private void queue(HttpExchange x) throws IOException {
        next.set(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip());
        json(x, 200, "{}");
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        String token = next.getAndSet(null);
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                || q.get("state") == null || q.get("nonce") == null || q.get("redirect_uri") == null || token == null) {
            json(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(q.get("code_challenge"), q.get("redirect_uri"), q.get("nonce"), token));
        x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = f.get("code") == null ? null : grants.remove(f.get("code"));
        if (!"POST".equals(x.getRequestMethod()) || grant == null || !"authorization_code".equals(f.get("grant_type"))
                || !CLIENT_ID.equals(f.get("client_id")) || !grant.redirectUri().equals(f.get("redirect_uri"))
                || f.get("code_verifier") == null || !grant.challenge().equals(s256(f.get("code_verifier")))) {
            json(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        exchanged.put(f.get("code"), grant.accessToken());
        json(x, 200, "{\"access_token\":\"" + grant.accessToken() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"id_token\":\"" + idToken(grant) + "\"}");
    }

    private String idToken(Grant grant) {
        long now = System.currentTimeMillis() / 1000;
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(("{\"iss\":\"" + issuer() + "\",\"aud\":\"" + CLIENT_ID + "\",\"sub\":\"oidc\","
                + "\"nonce\":\"" + grant.nonce() + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the ID token", e);
        }
    }

    static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The console reads discovery and the token endpoint with fetch from the gateway's origin: CORS allows it. */
    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
