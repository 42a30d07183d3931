package org.instaclone.integrations.endpoint;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may be sent: the one place that decides (server-side request forgery guard). Today it
 * checks the URL as written, without DNS: scheme {@code http}/{@code https}, a host, no user info, and
 * no host that names this machine or a private network ({@code localhost}, loopback, RFC 1918,
 * link-local including cloud metadata 169.254.169.254, unique-local IPv6, unspecified addresses), also
 * in shorthand IPv4 forms such as {@code 127.1} or {@code 2130706433}.
 * <p>
 * Not yet covered (the full guard is a later issue): host names that <em>resolve</em> to such addresses
 * (DNS rebinding included), which must be checked again at delivery time on the connected address, and
 * redirects.
 */
final class WebhookUrlPolicy {

	private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0x[0-9a-f.x]+", Pattern.CASE_INSENSITIVE);

	private WebhookUrlPolicy() {
	}

	/** @return why the URL is refused, or empty if it is allowed */
	static Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute http or https URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return Optional.of("must be an absolute http or https URL");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return Optional.of("must name a host");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not contain user information");
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return Optional.of("must not point to this machine");
		}
		if (host.startsWith("[")) {
			return literal(host.substring(1, host.length() - 1));
		}
		if (NUMERIC_HOST.matcher(host).matches()) {
			// dotted quads are checked; shorthand and hex forms are ambiguous across HTTP clients
			return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? literal(host)
					: Optional.of("must use a host name or a dotted IPv4 address");
		}
		return Optional.empty();
	}

	/** Checks an IP literal; {@link InetAddress#getByName} does no DNS lookup for literals. */
	private static Optional<String> literal(String ip) {
		InetAddress address;
		try {
			address = InetAddress.getByName(ip);
		}
		catch (UnknownHostException ex) {
			return Optional.of("is not a valid IP address");
		}
		byte[] b = address.getAddress();
		boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
		boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
				|| address.isLinkLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat
				|| (b.length == 4 && b[0] == 0)) {
			return Optional.of("must not point to a private, loopback or link-local address");
		}
		return Optional.empty();
	}
}
