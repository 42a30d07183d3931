package org.instaclone.deploychecks;

import static org.instaclone.deploychecks.Repo.at;
import static org.instaclone.deploychecks.Repo.map;
import static org.instaclone.deploychecks.Repo.maps;
import static org.instaclone.deploychecks.Repo.str;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;

/** Kustomize output of k8s/overlays/&lt;name&gt; (rendered once per test run) and queries on it. */
final class Manifests {

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	final String overlay;

	final String yaml;

	final List<Map<String, Object>> objects;

	private Manifests(String overlay, String yaml) {
		this.overlay = overlay;
		this.yaml = yaml;
		this.objects = Repo.yamlAll(yaml);
	}

	static Manifests of(String overlay) {
		return RENDERED.computeIfAbsent(overlay, Manifests::render);
	}

	static String kubectl() {
		return Tools.require("KUBECTL", "kubectl", ".ci/run installs it");
	}

	private static Manifests render(String overlay) {
		Tools.Result result = Tools.run(List.of(kubectl(), "kustomize", "k8s/overlays/" + overlay), Map.of());
		if (result.exit() != 0) {
			Assertions.fail("kubectl kustomize k8s/overlays/" + overlay + " failed:\n" + result.output());
		}
		return new Manifests(overlay, result.output());
	}

	List<Map<String, Object>> kind(String kind) {
		return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		return objects.stream().filter(o -> List.of("Deployment", "StatefulSet", "DaemonSet").contains(o.get("kind"))).toList();
	}

	/** The Deployments of the overlay's deployables: the gateway's and the services', or the monolith's. */
	List<Map<String, Object>> apps() {
		return kind("Deployment").stream().filter(d -> Repo.apps(this.overlay).contains(name(d))).toList();
	}

	Map<String, Object> named(String kind, String name) {
		return kind(kind).stream()
			.filter(o -> name.equals(name(o)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
	}

	static String name(Map<String, Object> object) {
		return str(object, "metadata.name");
	}

	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(at(workload, "spec.template.spec"));
	}

	static Map<String, Object> podLabels(Map<String, Object> workload) {
		return map(at(workload, "spec.template.metadata.labels"));
	}

	static List<Map<String, Object>> containers(Map<String, Object> workload) {
		Map<String, Object> spec = podSpec(workload);
		List<Map<String, Object>> all = new java.util.ArrayList<>(maps(spec.get("initContainers")));
		all.addAll(maps(spec.get("containers")));
		return all;
	}

	/** A label selector's matchLabels (no matchExpressions are used here) selects these labels. */
	static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		Map<String, Object> match = map(selector.get("matchLabels"));
		return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
	}
}
