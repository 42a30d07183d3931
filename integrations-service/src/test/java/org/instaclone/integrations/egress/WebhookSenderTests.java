package org.instaclone.integrations.egress;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.instaclone.integrations.WebhookReceiver;
import org.instaclone.integrations.WebhookReceiver.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP client's limits, against a real receiver on 127.0.0.1. */
class WebhookSenderTests {

	final WebhookReceiver receiver;

	final List<WebhookSender> senders = new java.util.ArrayList<>();

	WebhookSenderTests() throws Exception {
		receiver = new WebhookReceiver();
	}

	@AfterEach
	void close() throws Exception {
		receiver.close();
		for (WebhookSender sender : senders) {
			sender.destroy();
		}
	}

	WebhookSender sender(List<String> allowed, Duration total) {
		EgressProperties properties = new EgressProperties(Duration.ofSeconds(1), total, 4096, 2, allowed);
		WebhookSender sender = new WebhookSender(new EgressPolicy(InetAddress::getAllByName, properties), properties);
		senders.add(sender);
		return sender;
	}

	WebhookSender.Response post(WebhookSender sender, String url) {
		return sender.post(url, Map.of("webhook-id", "x"), "{}".getBytes(StandardCharsets.UTF_8),
				ContentType.APPLICATION_JSON);
	}

	@Test
	void withoutTheAllowListLoopbackIsRefusedBeforeAnyConnection() {
		WebhookSender.Response response = post(sender(List.of(), Duration.ofSeconds(5)), receiver.url());
		assertThat(response.refused()).isTrue();
		assertThat(response.status()).isNull();
		assertThat(response.error()).contains("127.0.0.1");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void sendsHeadersAndBodyAndKeepsATextExcerptOfTheAnswer() {
		receiver.answer(r -> new Reply(200, Map.of("Content-Type", "text/html"), "<script>x</script>\u0000ok"));
		WebhookSender.Response response = post(sender(List.of("127.0.0.0/8"), Duration.ofSeconds(5)), receiver.url());
		assertThat(response.successful()).isTrue();
		assertThat(response.excerpt()).isEqualTo("<script>x</script>ok");
		assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo("x");
		assertThat(receiver.received().get(0).body()).isEqualTo("{}");
	}

	@Test
	void readsAtMostTheResponseLimitAndKeepsAnExcerpt() {
		receiver.answer(r -> new Reply(200, Map.of(), "a".repeat(1_000_000)));
		WebhookSender.Response response = post(sender(List.of("127.0.0.0/8"), Duration.ofSeconds(5)), receiver.url());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.excerpt()).hasSize(WebhookSender.EXCERPT_CHARS);
	}

	@Test
	void givesUpAtTheTotalDeadline() {
		receiver.answer(r -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Reply.status(200);
		});
		WebhookSender.Response response = post(sender(List.of("127.0.0.0/8"), Duration.ofMillis(800)),
				receiver.url());
		assertThat(response.status()).isNull();
		assertThat(response.error()).isNotBlank();
		assertThat(response.latency()).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void doesNotFollowRedirectsAndReadsRetryAfter() {
		receiver.answer(r -> new Reply(307, Map.of("Location", "http://127.0.0.1:1/", "Retry-After", "30"), ""));
		WebhookSender.Response response = post(sender(List.of("127.0.0.0/8"), Duration.ofSeconds(5)), receiver.url());
		assertThat(response.status()).isEqualTo(307);
		assertThat(response.successful()).isFalse();
		assertThat(response.retryAfter()).isEqualTo(Duration.ofSeconds(30));
	}
}
