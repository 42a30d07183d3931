package org.instaclone.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's files and small helpers to read YAML documents as plain maps and lists. */
final class Repo {

	/** The gateway and the five services: the microservices' deployables. */
	static final List<String> APPS = List.of("gateway", "follow-service", "upload-service", "ads-service",
			"integrations-service", "metrics-service");

	/** The monolith twin (docs/monolith.md): the five services as one deployable, module and overlay of this name. */
	static final String MONOLITH = "monolith";

	/** Every module that becomes an image (the Dockerfile's MODULE values): the six, then the monolith. */
	static final List<String> IMAGES = Stream.concat(APPS.stream(), Stream.of(MONOLITH)).toList();

	/** The microservices' overlays. */
	static final List<String> MICROSERVICES_OVERLAYS = List.of("local", "prod");

	/** Every overlay: the microservices' and the monolith twin's. */
	static final List<String> OVERLAYS = List.of("local", "prod", MONOLITH);

	private Repo() {
	}

	/** The deployables an overlay runs: the monolith alone in its overlay, else the gateway and the five services. */
	static List<String> apps(String overlay) {
		return MONOLITH.equals(overlay) ? List.of(MONOLITH) : APPS;
	}

	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path p = dir; p != null; p = p.getParent()) {
			if (Files.exists(p.resolve("docker-compose.yml")) && Files.isDirectory(p.resolve("k8s"))) {
				return p;
			}
		}
		throw new IllegalStateException("No repository root above " + dir);
	}

	static Path file(String relative) {
		return root().resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(file(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> yaml(String relative) {
		return map(new Yaml(new LoaderOptions()).load(read(relative)));
	}

	static List<Map<String, Object>> yamlAll(String text) {
		List<Map<String, Object>> docs = new ArrayList<>();
		for (Object doc : new Yaml(new LoaderOptions()).loadAll(text)) {
			if (doc != null) {
				docs.add(map(doc));
			}
		}
		return docs;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(@Nullable Object value) {
		return value == null ? List.of() : (List<Object>) value;
	}

	static List<Map<String, Object>> maps(@Nullable Object value) {
		return list(value).stream().map(Repo::map).toList();
	}

	/** The value at a dotted path ({@code spec.template.spec}), or null when any part is missing. */
	static @Nullable Object at(Map<String, Object> root, String path) {
		Object current = root;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> m)) {
				return null;
			}
			current = m.get(part);
		}
		return current;
	}

	static String str(Map<String, Object> root, String path) {
		return Objects.toString(at(root, path), "");
	}
}
