package org.instaclone.follow.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 keys follow-service signs access tokens with. Every {@code *.jwk.json} file in the key
 * directory is loaded; the newest signs, all are published in the JWKS, so rotating is: add a key
 * file, restart, delete the old file once tokens signed with it have expired (15 min).
 */
final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final List<ECKey> keys;

	private SigningKeys(List<ECKey> keys) {
		this.keys = List.copyOf(keys);
	}

	static SigningKeys loadOrCreate(Path dir) {
		try {
			Files.createDirectories(dir);
			List<Path> files;
			try (Stream<Path> listing = Files.list(dir)) {
				files = listing.filter(p -> p.getFileName().toString().endsWith(".jwk.json"))
					.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
					.toList();
			}
			List<ECKey> keys = new ArrayList<>();
			for (Path file : files) {
				keys.add(JWK.parse(Files.readString(file)).toECKey());
			}
			if (keys.isEmpty()) {
				ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.keyIDFromThumbprint(true)
					.generate();
				Path file = dir.resolve(Instant.now().toEpochMilli() + ".jwk.json");
				Files.writeString(file, key.toJSONString());
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ignored) {
					// not a POSIX file system
				}
				log.info("Generated a new ES256 signing key {} in {}", key.getKeyID(), dir);
				keys.add(key);
			}
			return new SigningKeys(keys);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write signing keys in " + dir, ex);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Invalid signing key in " + dir, ex);
		}
	}

	ECKey current() {
		return keys.get(0);
	}

	/** Private and public parts, for signing. */
	JWKSet privateSet() {
		return new JWKSet(new ArrayList<JWK>(keys));
	}

	/** Public parts only, for the JWKS endpoint and local verification. */
	JWKSet publicSet() {
		return privateSet().toPublicJWKSet();
	}
}
