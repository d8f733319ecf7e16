package org.tablesolver.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where messages may go. A URL must be absolute {@code http} or {@code https} with a host and no user info. Unless
 * {@code tablesolver.webhooks.allow-private-targets} is set, a host that resolves to a loopback, private,
 * link-local, unique-local, multicast or unspecified address is refused (a subscription must not make this service
 * call into its own network): when the subscription is made or changed, and again before every attempt, since a
 * name may resolve elsewhere later.
 */
final class Targets {

    static final int MAX_URL_LENGTH = 2000;

    private Targets() {
    }

    /** What is wrong with {@code url} as written, or empty. */
    static Optional<String> malformed(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry user info (the signature authenticates messages)");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /**
     * Why {@code url}'s host may not be called, or empty. A name that does not resolve now is not refused here
     * (it is checked again before each attempt).
     */
    static Optional<String> forbidden(String url) {
        String host = URI.create(url).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("resolves to " + address.getHostAddress() + ", an internal address (loopback, "
                        + "private, link-local or unique-local); set tablesolver.webhooks.allow-private-targets to "
                        + "allow it");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 0/8, carrier-grade NAT 100.64/10
                || (first == 169 && second == 254) || first >= 240; // link-local (also above), reserved
    }
}
