package org.instaclone.tokens;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A last-known-good copy of the signing keys (follow-service's JWKS) on disk, so that a process
 * restarted while follow-service is down still verifies the tokens signed before the outage. The
 * in-memory cache ({@code outageTolerantForever}) only outlives an outage as long as the process lives.
 * <p>
 * Two Nimbus hooks, no caching policy of our own: the {@link ResourceRetriever} that fetches the
 * JWKS is decorated to write every successful fetch to the file, and the file's keys are the
 * {@link JWKSourceBuilder#failover failover} source, which Nimbus consults only when the cached remote
 * source throws: the JWKS cannot be fetched (connection refused, timeout, 5xx, not a JWK set) and
 * nothing is cached in memory, or an unknown {@code kid}'s re-fetch is rate-limited (then the answer
 * is the last keys fetched, the same as memory's). So while the JWKS answers, the file's keys are never
 * used, and a key removed from the JWKS is not brought back by them.
 * <ul>
 * <li>Only public keys are written ({@link JWKSet#toPublicJWKSet()}: private parameters and symmetric
 * keys are dropped), and only when they changed, atomically (a temporary file moved over the old one).
 * A write that fails is a warning; the fetch itself still succeeds.
 * <li>The file is read once, when the key source is built. A missing file is normal (first start); an
 * unreadable or corrupt one is ignored with a warning, never a start-up failure.
 * <li>When the keys are first served from the file, that is logged once at info. Key material is never
 * logged.
 * </ul>
 * Used by the services' decoder (service-defaults) and the gateway's reactive one.
 */
public final class LastKnownSigningKeys {

	private static final Logger log = LoggerFactory.getLogger(LastKnownSigningKeys.class);

	private final Path file;

	private final URL jwks;

	private final ResourceRetriever http;

	private final AtomicBoolean announced = new AtomicBoolean();

	/** The last keys fetched, or read from the file at start; {@code null} when neither exists. */
	private volatile @Nullable Known known;

	private LastKnownSigningKeys(Path file, URL jwks, ResourceRetriever http) {
		this.file = file;
		this.jwks = jwks;
		this.http = http;
		this.known = read(file);
	}

	/**
	 * A builder for the JWKS at {@code jwks}, fetched with {@code http}, to which the caller adds its
	 * caching policy. With a cache file, every successful fetch is written there and the file's keys are
	 * the failover when the JWKS cannot be fetched and nothing is cached in memory; with a blank one it
	 * is the plain {@link JWKSourceBuilder#create(URL, ResourceRetriever)}.
	 * @param cacheFile the path of the last-known-good copy; blank switches it off
	 */
	public static <C extends SecurityContext> JWKSourceBuilder<C> sourceBuilder(URL jwks, ResourceRetriever http,
			String cacheFile) {
		if (cacheFile.isBlank()) {
			return JWKSourceBuilder.create(jwks, http);
		}
		LastKnownSigningKeys lastKnown = new LastKnownSigningKeys(Path.of(cacheFile.strip()), jwks, http);
		return JWKSourceBuilder.<C>create(jwks, lastKnown::fetch).failover(lastKnown::select);
	}

	/** Fetches through the real retriever; an answer (2xx) that is a JWK set becomes the last known keys. */
	private Resource fetch(URL url) throws IOException {
		Resource resource = this.http.retrieveResource(url); // throws for anything but 2xx
		remember(resource.getContent());
		return resource;
	}

	private synchronized void remember(String content) {
		JWKSet keys;
		try {
			keys = JWKSet.parse(content).toPublicJWKSet();
		}
		catch (ParseException ex) {
			return; // not a JWK set: Nimbus rejects the answer too, and the last known keys stay
		}
		String json = keys.toString();
		Known previous = this.known;
		if (previous == null || !previous.json().equals(json)) {
			write(json);
		}
		this.known = new Known(keys, json, false);
	}

	/** Replaces the file atomically, so a reader (a restart) never sees half a JWK set. */
	private void write(String json) {
		try {
			Path directory = this.file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, this.file.getFileName().toString(), ".tmp");
			try {
				Files.writeString(temporary, json, StandardCharsets.UTF_8);
				try {
					Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE,
							StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not write the last-known signing keys to {} ({}: {}); a restart while the JWKS is "
					+ "unreachable will not find them", this.file, ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/** The failover source; with nothing known it fails, as the remote source did (keys unavailable). */
	private List<JWK> select(JWKSelector selector, @Nullable SecurityContext context)
			throws KeySourceException {
		Known keys = this.known;
		if (keys == null) {
			throw new KeySourceException("No last-known signing keys in " + this.file);
		}
		if (keys.fromFile() && this.announced.compareAndSet(false, true)) {
			log.info("The signing keys at {} could not be fetched; verifying tokens with the {} last-known keys "
					+ "from {}", this.jwks, keys.keys().size(), this.file);
		}
		return selector.select(keys.keys());
	}

	private static @Nullable Known read(Path file) {
		String json;
		try {
			json = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return null; // nothing fetched yet: the first fetch writes it
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Ignoring the last-known signing keys file {}: it cannot be read ({})", file,
					ex.getClass().getSimpleName());
			return null;
		}
		try {
			JWKSet keys = JWKSet.parse(json).toPublicJWKSet();
			return new Known(keys, keys.toString(), true);
		}
		catch (ParseException ex) {
			// the parser's message may quote the content, so it is not logged
			log.warn("Ignoring the last-known signing keys file {}: it is not a JWK set", file);
			return null;
		}
	}

	/** Public keys, and their JSON as written to the file. */
	private record Known(JWKSet keys, String json, boolean fromFile) {
	}
}
