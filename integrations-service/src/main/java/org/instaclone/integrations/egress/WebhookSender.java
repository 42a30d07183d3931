package org.instaclone.integrations.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The only way out to third-party endpoints: Apache HttpClient 5 with a resolver that resolves once
 * and hands the connection only addresses {@link EgressPolicy#vet(String) the guard checked} (TLS still
 * verifies the certificate against the host name, and SNI carries it), redirects and automatic retries
 * off, no cookies, no proxy from system properties, connect and total deadlines, and at most
 * {@link EgressProperties#maxResponseBytes()} of the response read.
 */
@Component
public class WebhookSender implements DisposableBean {

	/** Response bytes kept as the attempt's excerpt. */
	public static final int EXCERPT_CHARS = 1024;

	private final CloseableHttpClient client;

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	private final EgressProperties properties;

	WebhookSender(EgressPolicy policy, EgressProperties properties) {
		this.properties = properties;
		DnsResolver vettingResolver = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return policy.vet(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) throws UnknownHostException {
				return host;
			}
		};
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout total = Timeout.of(properties.totalTimeout());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(vettingResolver)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connect)
				.setSocketTimeout(total)
				.setTimeToLive(org.apache.hc.core5.util.TimeValue.ofMinutes(1))
				.build())
			.setMaxConnPerRoute(properties.maxConnectionsPerHost())
			.setMaxConnTotal(Math.max(64, properties.maxConnectionsPerHost() * 8))
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Instaclone-Webhooks/1.0")
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(total).build())
			.build();
	}

	/** What one POST came to. Exactly one of {@code status} and {@code error} is set. */
	public record Response(@Nullable Integer status, Duration latency, @Nullable String excerpt,
			@Nullable Duration retryAfter, @Nullable String error, boolean refused) {

		public boolean successful() {
			return status != null && status >= 200 && status < 300;
		}
	}

	/** POSTs {@code body} to {@code url}; never throws for anything the endpoint or network does. */
	public Response post(String url, Map<String, String> headers, byte[] body, ContentType contentType) {
		long start = System.nanoTime();
		HttpPost post = new HttpPost(URI.create(url.strip()));
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, contentType));
		ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, properties.totalTimeout().toMillis(),
				TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
			String excerpt = readExcerpt(response.getEntity(), post);
			return new Response(response.getCode(), since(start), excerpt, retryAfter(response), null, false);
		}
		catch (RefusedAddressException ex) {
			return new Response(null, since(start), null, null, ex.getMessage(), true);
		}
		catch (IOException | RuntimeException ex) {
			String why = post.isCancelled() ? "no complete answer within " + properties.totalTimeout().toSeconds() + " s"
					: ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			return new Response(null, since(start), null, null, truncate(why, 500), false);
		}
		finally {
			deadline.cancel(false);
		}
	}

	/** Reads at most {@code maxResponseBytes}; a longer body is cut off and its connection dropped. */
	private @Nullable String readExcerpt(@Nullable HttpEntity entity, HttpPost post) throws IOException {
		if (entity == null) {
			return null;
		}
		try (InputStream in = entity.getContent()) {
			byte[] head = in.readNBytes(properties.maxResponseBytes());
			if (in.read() != -1) {
				post.cancel(); // do not drain an endless body; the connection is discarded
			}
			String text = new String(head, 0, Math.min(head.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
			return truncate(text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", ""), EXCERPT_CHARS);
		}
	}

	private static @Nullable Duration retryAfter(ClassicHttpResponse response) {
		Header header = response.getFirstHeader("Retry-After");
		if (header == null || header.getValue() == null) {
			return null;
		}
		String value = header.getValue().strip();
		try {
			return value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value))
					: Duration.between(ZonedDateTime.now(),
							ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		client.close();
	}
}
