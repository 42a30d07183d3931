package org.instaclone.integrations.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The SSRF corpus: every URL must be refused at registration, and every address at connect time. */
class EgressPolicyTests {

	/** A DNS server under test control; IP literals resolve to themselves, as with the JVM's. */
	static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.215.14", "metadata.example.com",
			"169.254.169.254", "private.example.com", "10.0.0.7", "loopback.example.com", "127.0.0.1",
			"v6loopback.example.com", "::1", "mapped.example.com", "::ffff:10.0.0.1");

	static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.matches("[0-9a-fA-F.:]+") && (host.contains(":") || host.matches("[0-9.]+"))) {
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		String ip = DNS.get(host);
		if (ip == null) {
			throw new UnknownHostException(host);
		}
		return new InetAddress[] { InetAddress.getByName(ip) };
	}

	final EgressPolicy policy = new EgressPolicy(EgressPolicyTests::resolve, properties(List.of()));

	static EgressProperties properties(List<String> allowed) {
		return new EgressProperties(Duration.ofSeconds(5), Duration.ofSeconds(15), 65536, 8, allowed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.com/instaclone", "http://example.org:8080/x?y=1",
			"https://203.0.113.7/hook", "https://[2001:db8::1]/hook", "https://unresolvable.example/hook",
			"https://8.8.8.8/x", "https://172.32.0.1/x", "https://100.128.0.1/x" })
	void allowsPublicHttpTargets(String url) {
		assertThat(policy.refusal(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// loopback, "this network", in every spelling
			"http://127.0.0.1/x", "http://127.10.0.1:8080/x", "http://127.1/x", "http://0.0.0.0/x", "http://0/x",
			"http://2130706433/x", "http://017700000001/x", "http://0177.0.0.1/x", "http://0x7f000001/x",
			"http://0x7f.0.0.1/x", "http://127.000.000.001/x", "http://[::1]/x", "http://[::]/x",
			"http://[0:0:0:0:0:0:0:1]/x", "http://[::ffff:127.0.0.1]/x", "http://[::ffff:7f00:1]/x",
			"http://[::127.0.0.1]/x",
			// names for this machine or inside
			"http://localhost/x", "https://LOCALHOST./x", "http://api.localhost/x", "http://printer.local/x",
			"http://metadata.google.internal/computeMetadata/v1/",
			// cloud metadata, link-local
			"http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/x", "http://[fe80::1]/x",
			"http://[fe80::1%25eth0]/x",
			// private networks
			"http://10.1.2.3/x", "http://172.16.0.1/x", "http://172.31.255.255/x", "http://192.168.1.1/x",
			"http://100.64.0.1/x", "http://100.127.255.254/x", "http://[fd00::1]/x", "http://[fc00::1]/x",
			"http://[fec0::1]/x",
			// multicast, reserved, benchmark, broadcast
			"http://224.0.0.1/x", "http://239.255.255.250/x", "http://[ff02::1]/x", "http://240.0.0.1/x",
			"http://255.255.255.255/x", "http://198.18.0.1/x", "http://192.0.0.8/x",
			// IPv6 forms that embed IPv4 (NAT64, 6to4, Teredo)
			"http://[64:ff9b::a00:1]/x", "http://[2002:7f00:1::]/x", "http://[2001:0:4136:e378::1]/x",
			// names that resolve inside
			"http://metadata.example.com/x", "http://private.example.com/x", "http://loopback.example.com/x",
			"http://v6loopback.example.com/x", "http://mapped.example.com/x",
			// schemes, user info, malformed
			"ftp://example.com/x", "gopher://example.com:70/x", "javascript:alert(1)", "file:///etc/passwd",
			"https://user:pw@example.com/x", "http://evil@127.0.0.1/x", "http://hooks.example.com@10.0.0.1/x",
			"//example.com/x", "https:///x", "not a url", "http://999.1.1.1/x" })
	void refusesEverythingElse(String url) {
		assertThat(policy.refusal(url)).as(url).isPresent();
	}

	@Test
	void atConnectTimeRefusesEveryAddressThatIsNotPublicAndReturnsTheCheckedOnes() throws Exception {
		assertThat(policy.vet("hooks.example.com")).extracting(InetAddress::getHostAddress)
			.containsExactly("93.184.215.14");
		for (String host : List.of("metadata.example.com", "private.example.com", "loopback.example.com",
				"127.0.0.1", "localhost", "0x7f000001", "mapped.example.com")) {
			assertThatExceptionOfType(RefusedAddressException.class).as(host).isThrownBy(() -> policy.vet(host));
		}
	}

	@Test
	void aDnsAnswerThatTurnsPrivateAfterRegistrationIsRefusedAtConnectTime() throws Exception {
		InetAddress[][] answers = { { InetAddress.getByName("93.184.215.14") },
				{ InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7") } };
		int[] lookups = { 0 };
		EgressPolicy rebinding = new EgressPolicy(host -> answers[Math.min(lookups[0]++, 1)], properties(List.of()));
		assertThat(rebinding.refusal("https://rebind.example.com/hook")).isEmpty();
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> rebinding.vet("rebind.example.com"))
			.withMessageContaining("10.0.0.7");
	}

	@Test
	void theAllowListExemptsOnlyItsNetworksAndNeverNames() throws Exception {
		EgressPolicy dev = new EgressPolicy(EgressPolicyTests::resolve, properties(List.of("127.0.0.0/8", "")));
		assertThat(dev.refusal("http://127.0.0.1:8080/hook")).isEmpty();
		assertThat(dev.vet("127.0.0.1")).hasSize(1);
		assertThat(dev.refusal("http://10.0.0.1/hook")).isPresent();
		assertThat(dev.refusal("http://[::1]/hook")).isPresent();
		assertThat(dev.refusal("http://localhost:8080/hook")).isPresent();
		assertThat(new EgressPolicy.Cidr(new byte[] { 10, 0, 0, 0 }, 8).contains(InetAddress.getByName("10.9.9.9")))
			.isTrue();
	}
}
