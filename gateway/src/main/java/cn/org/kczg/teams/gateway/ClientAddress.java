package cn.org.kczg.teams.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who the client is, for rate limits and {@code X-Forwarded-For}: the peer, unless the peer is a trusted proxy
 * ({@code kczg.gateway.trusted-proxies}, CIDRs — the ingress controllers); then the right-most hop of
 * {@code X-Forwarded-For} that is not a trusted proxy. Hops a client wrote itself sit further left and are ignored,
 * so nobody can choose their own address.
 */
final class ClientAddress {
    private final List<Cidr> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    String of(String peer, String forwardedFor) {
        if (peer == null || !isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer == null ? "unknown" : peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return Cidr.isAddress(hop) ? hop : peer;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8} or one address. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = bytes(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("kczg.gateway.trusted-proxies: not an address: " + text);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Cidr(address, bits);
        }

        boolean contains(String text) {
            byte[] address = bytes(text);
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static boolean isAddress(String text) {
            return bytes(text) != null;
        }

        /** An IP literal's bytes, or null — never a DNS lookup. */
        private static byte[] bytes(String text) {
            if (text == null || text.isEmpty() || !text.matches("[0-9a-fA-F.:]+")) {
                return null;
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
