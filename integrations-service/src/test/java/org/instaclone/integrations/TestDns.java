package org.instaclone.integrations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.instaclone.integrations.egress.HostResolver;

/**
 * A DNS server tests script: a name answers with the next address of its list on every lookup (the
 * last one repeats), so a name can turn from public to private between registration and delivery. IP
 * literals and unscripted names resolve as usual.
 */
public final class TestDns implements HostResolver {

	private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

	private final Map<String, Integer> lookups = new ConcurrentHashMap<>();

	public void answer(String host, String... addresses) {
		answers.put(host, List.of(addresses));
		lookups.remove(host);
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		List<String> scripted = answers.get(host);
		if (scripted == null) {
			return InetAddress.getAllByName(host);
		}
		int n = lookups.merge(host, 1, Integer::sum) - 1;
		return new InetAddress[] { InetAddress.getByName(scripted.get(Math.min(n, scripted.size() - 1))) };
	}
}
