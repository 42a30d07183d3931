package org.instaclone.integrations.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: the one place that decides (server-side request forgery guard, OWASP SSRF
 * Prevention Cheat Sheet "case 2", Stripe Smokescreen's address classes). It is applied twice:
 * <ul>
 * <li>at registration ({@link #refusal(String)}): the URL as written, and every address its host
 * resolves to right now;</li>
 * <li>at connect time ({@link #vet(String)}, called by the HTTP client's resolver): the host is
 * resolved once, every address is checked, and the client connects only to those checked addresses,
 * so a DNS answer that changes between registration and delivery (rebinding) cannot steer it
 * inside.</li>
 * </ul>
 * Refused: schemes other than http/https, user info, {@code localhost}, {@code *.localhost},
 * {@code *.local}, {@code *.internal} (cloud metadata names), numeric hosts in anything but plain
 * dotted-quad or bracketed IPv6 form (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex
 * {@code 0x7f000001}, shorthand {@code 127.1}), and addresses that are not public unicast: see
 * {@link #addressRefusal(InetAddress)}. {@link EgressProperties#allowedNetworks()} exempts listed
 * blocks, for local development and tests only.
 */
@Component
public class EgressPolicy {

	private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0x[0-9a-f.x]+|[0-9a-fx.]*\\.0x[0-9a-f]+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

	private static final String NOT_PUBLIC = "must not point to a private, loopback, link-local or reserved address";

	private final HostResolver resolver;

	private final List<Cidr> allowed;

	EgressPolicy(HostResolver resolver, EgressProperties properties) {
		this.resolver = resolver;
		this.allowed = properties.allowedNetworks().stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
	}

	/**
	 * Registration check. A host that does not resolve (yet) is accepted: it is checked again on every
	 * connection.
	 * @return why the URL is refused, or empty if it is allowed
	 */
	public Optional<String> refusal(String url) {
		Optional<String> written = writtenRefusal(url);
		if (written.isPresent()) {
			return written;
		}
		String host = hostOf(URI.create(url.strip()));
		try {
			for (InetAddress address : resolver.resolve(host)) {
				if (addressRefusal(address).isPresent()) {
					return Optional.of(NOT_PUBLIC + " (" + host + " resolves to " + address.getHostAddress() + ")");
				}
			}
		}
		catch (UnknownHostException ex) {
			// not resolvable now: the connect-time check decides
		}
		return Optional.empty();
	}

	/**
	 * Connect-time check: resolves {@code host} once and returns its addresses only if every one is
	 * allowed (OWASP: check all A/AAAA records). The caller connects to exactly these.
	 * @throws RefusedAddressException if the host is refused or any address is not public
	 */
	InetAddress[] vet(String host) throws UnknownHostException {
		String normalized = normalizeHost(host);
		Optional<String> name = hostRefusal(normalized);
		if (name.isPresent()) {
			throw new RefusedAddressException("host " + host + " " + name.get());
		}
		InetAddress[] addresses = resolver.resolve(normalized);
		for (InetAddress address : addresses) {
			Optional<String> refusal = addressRefusal(address);
			if (refusal.isPresent()) {
				throw new RefusedAddressException(
						"host " + host + " resolved to " + address.getHostAddress() + ", which " + refusal.get());
			}
		}
		return addresses;
	}

	/** The URL as written: scheme, user info, host name rules, IP literals. No DNS. */
	static Optional<String> writtenRefusal(String url) {
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
		if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
			return Optional.of("must not contain user information");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return Optional.of("must name a host");
		}
		return hostRefusal(hostOf(uri));
	}

	private static String hostOf(URI uri) {
		return normalizeHost(uri.getHost());
	}

	private static String normalizeHost(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
	}

	/** Host name rules, and IP literals checked without the allow-list's help for odd spellings. */
	private static Optional<String> hostRefusal(String host) {
		if (host.isEmpty()) {
			return Optional.of("must name a host");
		}
		if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
				|| host.endsWith(".internal")) {
			return Optional.of("must not point to this machine or an internal name");
		}
		if (host.contains(":")) {
			return host.contains("%") ? Optional.of("must not use an IPv6 zone") : Optional.empty();
		}
		if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
			return Optional.of("must use a host name or a plain dotted IPv4 address");
		}
		if (DOTTED_QUAD.matcher(host).matches()) {
			for (String octet : host.split("\\.")) {
				if (Integer.parseInt(octet) > 255) {
					return Optional.of("is not a valid IPv4 address");
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * @return why webhooks may not reach {@code address}, or empty if it is public unicast (or in an
	 * allowed network)
	 */
	Optional<String> addressRefusal(InetAddress address) {
		for (Cidr cidr : allowed) {
			if (cidr.contains(address)) {
				return Optional.empty();
			}
		}
		return isPublic(address) ? Optional.empty() : Optional.of(NOT_PUBLIC);
	}

	/** Public unicast: not any of the IANA special-purpose blocks that lead inside or nowhere. */
	static boolean isPublic(InetAddress address) {
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicV4(b);
		}
		int b0 = b[0] & 0xff;
		int b1 = b[1] & 0xff;
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= b[i] == 0;
		}
		if (firstTenZero && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
			return false; // ::/96 (unspecified, loopback, IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped)
		}
		if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return false; // 64:ff9b::/96 and 64:ff9b:1::/48, NAT64 (embeds IPv4)
		}
		if (b0 == 0x20 && b1 == 0x02) {
			return false; // 2002::/16, 6to4 (embeds IPv4)
		}
		if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
			return false; // 2001::/32, Teredo (embeds IPv4)
		}
		if (b0 == 0x01 && b1 == 0x00 && b[2] == 0 && b[3] == 0) {
			return false; // 100::/64 discard
		}
		return (b0 & 0xfe) != 0xfc // fc00::/7 unique local
				&& !(b0 == 0xfe && (b1 & 0xc0) == 0x80) // fe80::/10 link-local
				&& !(b0 == 0xfe && (b1 & 0xc0) == 0xc0) // fec0::/10 old site-local
				&& b0 != 0xff; // ff00::/8 multicast
	}

	private static boolean isPublicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return a0 != 0 // 0/8 "this network"
				&& a0 != 10 // RFC 1918
				&& a0 != 127 // loopback
				&& !(a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 carrier-grade NAT
				&& !(a0 == 169 && a1 == 254) // link-local, cloud metadata 169.254.169.254
				&& !(a0 == 172 && (a1 & 0xf0) == 16) // RFC 1918
				&& !(a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
				&& !(a0 == 192 && a1 == 168) // RFC 1918
				&& !(a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15 benchmarking
				&& a0 < 224; // 224/4 multicast, 240/4 reserved, broadcast
	}

	/** An address block, such as {@code 127.0.0.0/8} or {@code ::1/128}. */
	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String text) {
			String[] parts = text.strip().split("/", 2);
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
				if (prefix < 0 || prefix > network.length * 8 || !parts[0].matches("[0-9a-fA-F.:]+")) {
					throw new IllegalArgumentException("Not a CIDR block: " + text);
				}
				return new Cidr(network, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("Not a CIDR block: " + text, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] a = address.getAddress();
			if (a.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
