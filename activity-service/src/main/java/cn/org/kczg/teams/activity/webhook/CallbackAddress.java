package cn.org.kczg.teams.activity.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a partner's webhook may send (no SSRF): an absolute {@code https} URL without user info, at most
 * {@value #MAX_LENGTH} characters, whose host is — and resolves only to — public addresses. Checked when the webhook is
 * registered and again before every delivery (DNS may have changed since), and the delivery connects to the address
 * checked here, never to a second lookup. With {@code allowLoopbackHttp} (a development setting) a loopback host may
 * also be used, over {@code http} as well; nothing else changes.
 */
public final class CallbackAddress {
    public static final int MAX_LENGTH = 2000;

    /** Why a URL is refused. */
    public enum Refusal {
        MALFORMED, TOO_LONG, NOT_HTTPS, USER_INFO, NOT_PUBLIC, UNRESOLVABLE
    }

    /** Looks a host name up; the JDK's resolver in production, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL refused, and why. */
    public static final class Refused extends Exception {
        private final Refusal refusal;

        Refused(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** A checked URL and the address to connect to. */
    public record Target(URI uri, boolean https, String host, int port, InetAddress address) {
        /** The request target: path and query, never the fragment. */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    public CallbackAddress(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** The URL checked and its host resolved; every address it resolves to must be allowed. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        if (!https && !allowLoopbackHttp) {
            throw new Refused(Refusal.NOT_HTTPS, "only https URLs are accepted");
        }
        String host = unbracketed(uri.getHost()).toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused(Refusal.UNRESOLVABLE, "the host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused(Refusal.UNRESOLVABLE, "the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            boolean loopback = allowLoopbackHttp && isLoopback(address);
            if (!https && !loopback) {
                throw new Refused(Refusal.NOT_HTTPS, "plain http only to a loopback host");
            }
            if (!loopback && !isPublic(address)) {
                throw new Refused(Refusal.NOT_PUBLIC, host + " is (or resolves to) a non-public address");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, https, host, port, addresses[0]);
    }

    /** The URL's own rules, without looking anything up. */
    static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused(Refusal.MALFORMED, "no URL");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused(Refusal.TOO_LONG, "longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(Refusal.MALFORMED, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !List.of("http", "https").contains(scheme)) {
            throw new Refused(Refusal.NOT_HTTPS, "not an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new Refused(Refusal.USER_INFO, "user info in the URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused(Refusal.MALFORMED, "no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new Refused(Refusal.MALFORMED, "no such port");
        }
        if (uri.getHost().matches("[0-9.]*(^|\\.)0[0-9][0-9.]*")) {
            // 0177.0.0.1: octal to some parsers, decimal to others; refused rather than guessed
            throw new Refused(Refusal.MALFORMED, "an IPv4 address with leading zeros");
        }
        return uri;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isLoopback(InetAddress address) {
        InetAddress v4 = embeddedV4(address);
        return address.isLoopbackAddress() || v4 != null && v4.isLoopbackAddress();
    }

    /**
     * A globally reachable unicast address: not private, loopback, link-local, multicast, unspecified, CGNAT
     * (100.64/10), unique-local (fc00::/7), site-local, documentation, benchmarking or reserved — also when an IPv6
     * address carries such an IPv4 address (mapped, compatible, NAT64, 6to4).
     */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPublicV4(address.getAddress());
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        InetAddress v4 = embeddedV4(address);
        if (v4 != null) {
            return isPublicV4(v4.getAddress());
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
            return false;
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32
            return false;
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) { // 2001::/32 Teredo
            return false;
        }
        if (first == 0x01 && second == 0 && allZero(b, 2, 8)) { // 100::/64 discard
            return false;
        }
        // only global unicast 2000::/3 is reachable on the internet
        return (first & 0xe0) == 0x20;
    }

    /** The IPv4 address an IPv6 address carries: mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4. */
    private static InetAddress embeddedV4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        try {
            boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16);
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        int d = b[2] & 0xff;
        return !(a == 0 // this network, unspecified
                || a == 10 // private
                || a == 100 && (c & 0xc0) == 64 // 100.64/10 CGNAT
                || a == 127 // loopback
                || a == 169 && c == 254 // link-local (cloud metadata)
                || a == 172 && (c & 0xf0) == 16 // private
                || a == 192 && c == 0 && (d == 0 || d == 2) // IETF protocol assignments, TEST-NET-1
                || a == 192 && c == 88 && d == 99 // 6to4 relay anycast
                || a == 192 && c == 168 // private
                || a == 198 && (c & 0xfe) == 18 // benchmarking
                || a == 198 && c == 51 && d == 100 // TEST-NET-2
                || a == 203 && c == 0 && d == 113 // TEST-NET-3
                || a >= 224); // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
