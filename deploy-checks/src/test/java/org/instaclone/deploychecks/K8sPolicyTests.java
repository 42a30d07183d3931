package org.instaclone.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.deploychecks.Manifests.containers;
import static org.instaclone.deploychecks.Manifests.name;
import static org.instaclone.deploychecks.Manifests.podLabels;
import static org.instaclone.deploychecks.Manifests.podSpec;
import static org.instaclone.deploychecks.Manifests.selects;
import static org.instaclone.deploychecks.Repo.at;
import static org.instaclone.deploychecks.Repo.list;
import static org.instaclone.deploychecks.Repo.map;
import static org.instaclone.deploychecks.Repo.maps;
import static org.instaclone.deploychecks.Repo.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rules every workload of every overlay must follow (issue 8; Pod Security Standards
 * "restricted" and more). Each rule collects every violation, so one run names them all.
 */
class K8sPolicyTests {

	static final List<String> OVERLAYS = Repo.OVERLAYS;

	/** Private, loopback, link-local, CGNAT and "this network" ranges: never reachable from inside. */
	static final Set<String> PRIVATE_V4 = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
			"169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8");

	static final Set<String> PRIVATE_V6 = Set.of("fc00::/7", "fe80::/10", "::1/128");

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyWorkloadRunsUnderPodSecurityRestricted(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> workload : Manifests.of(overlay).workloads()) {
			String id = overlay + " " + workload.get("kind") + "/" + name(workload);
			Map<String, Object> pod = podSpec(workload);
			Map<String, Object> podSecurity = map(pod.get("securityContext"));
			softly.assertThat(pod.get("hostNetwork")).as(id + " hostNetwork").isNotEqualTo(true);
			softly.assertThat(pod.get("hostPID")).as(id + " hostPID").isNotEqualTo(true);
			softly.assertThat(pod.get("hostIPC")).as(id + " hostIPC").isNotEqualTo(true);
			softly.assertThat(pod.get("automountServiceAccountToken")).as(id + " automountServiceAccountToken").isEqualTo(false);
			softly.assertThat(str(pod, "serviceAccountName")).as(id + " has its own ServiceAccount").isNotIn("", "default");
			for (Map<String, Object> volume : maps(pod.get("volumes"))) {
				softly.assertThat(volume).as(id + " volume " + volume.get("name")).doesNotContainKey("hostPath");
			}
			for (Map<String, Object> container : containers(workload)) {
				String cid = id + " container " + container.get("name");
				Map<String, Object> security = map(container.get("securityContext"));
				softly.assertThat(effective(security, podSecurity, "runAsNonRoot")).as(cid + " runAsNonRoot").isEqualTo(true);
				Object uid = effective(security, podSecurity, "runAsUser");
				softly.assertThat(uid instanceof Integer i && i >= 10000).as(cid + " runAsUser >= 10000 (was " + uid + ")").isTrue();
				softly.assertThat(security.get("privileged")).as(cid + " privileged").isNotEqualTo(true);
				softly.assertThat(security.get("allowPrivilegeEscalation")).as(cid + " allowPrivilegeEscalation").isEqualTo(false);
				softly.assertThat(list(at(security, "capabilities.drop"))).as(cid + " drops ALL capabilities").contains("ALL");
				softly.assertThat(list(at(security, "capabilities.add"))).as(cid + " adds no capability").isEmpty();
				Object seccomp = Objects.requireNonNullElse(at(security, "seccompProfile.type"),
						Objects.requireNonNullElse(at(podSecurity, "seccompProfile.type"), ""));
				softly.assertThat(seccomp).as(cid + " seccompProfile").isEqualTo("RuntimeDefault");
				softly.assertThat(security.get("readOnlyRootFilesystem")).as(cid + " readOnlyRootFilesystem").isEqualTo(true);
				softly.assertThat(tmpIsEmptyDir(pod, container)).as(cid + " has an emptyDir at /tmp").isTrue();
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyContainerHasProbesRequestsAndLimits(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> workload : Manifests.of(overlay).workloads()) {
			for (Map<String, Object> container : maps(podSpec(workload).get("containers"))) {
				String cid = overlay + " " + name(workload) + "/" + container.get("name");
				for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
					softly.assertThat(container).as(cid + " " + probe).containsKey(probe);
				}
				for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
					softly.assertThat(at(map(container.get("resources")), resource)).as(cid + " resources." + resource).isNotNull();
				}
				String image = str(container, "image");
				String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
				softly.assertThat(tag).as(cid + " image " + image + " is pinned by tag").isNotBlank().isNotEqualTo("latest");
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void servicesProbeTheActuatorGroupsAndShutDownGracefully(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		List<Map<String, Object>> apps = Manifests.of(overlay).apps();
		assertThat(apps).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(Repo.apps(overlay));
		for (Map<String, Object> app : apps) {
			String id = overlay + " " + name(app);
			Map<String, Object> container = maps(podSpec(app).get("containers")).get(0);
			// liveness must never depend on PostgreSQL or Kafka: only the liveness group is probed
			softly.assertThat(str(container, "livenessProbe.httpGet.path")).as(id + " liveness").isEqualTo("/actuator/health/liveness");
			softly.assertThat(str(container, "startupProbe.httpGet.path")).as(id + " startup").isEqualTo("/actuator/health/liveness");
			softly.assertThat(str(container, "readinessProbe.httpGet.path")).as(id + " readiness").isEqualTo("/actuator/health/readiness");
			softly.assertThat(list(at(container, "lifecycle.preStop.exec.command"))).as(id + " preStop").isNotEmpty();
			Object grace = podSpec(app).get("terminationGracePeriodSeconds");
			softly.assertThat(grace instanceof Integer g && g >= 30).as(id + " terminationGracePeriodSeconds >= 30").isTrue();
			softly.assertThat(maps(podSpec(app).get("topologySpreadConstraints"))).as(id + " topology spread")
				.anySatisfy(c -> assertThat(c.get("topologyKey")).isEqualTo("kubernetes.io/hostname"));
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceHasItsOwnAutoscalerAndDisruptionBudget(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> app : manifests.apps()) {
			String id = overlay + " " + name(app);
			List<Map<String, Object>> hpas = manifests.kind("HorizontalPodAutoscaler").stream()
				.filter(h -> name(app).equals(str(h, "spec.scaleTargetRef.name")) && "Deployment".equals(str(h, "spec.scaleTargetRef.kind")))
				.toList();
			softly.assertThat(hpas).as(id + " has exactly one HPA").hasSize(1);
			for (Map<String, Object> hpa : hpas) {
				softly.assertThat(maps(at(hpa, "spec.metrics"))).as(id + " HPA scales on CPU")
					.anySatisfy(m -> assertThat(str(m, "resource.name")).isEqualTo("cpu"));
				softly.assertThat((Integer) at(hpa, "spec.maxReplicas")).as(id + " HPA max").isGreaterThan((Integer) at(hpa, "spec.minReplicas"));
			}
			softly.assertThat(manifests.kind("PodDisruptionBudget"))
				.as(id + " is covered by a PodDisruptionBudget")
				.anySatisfy(pdb -> assertThat(selects(map(at(pdb, "spec.selector")), podLabels(app))).isTrue());
		}
		softly.assertAll();
	}

	@Test
	void prodRunsAtLeastTwoReplicasOfEverythingThatServesTraffic() {
		Manifests prod = Manifests.of("prod");
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> app : prod.apps()) {
			softly.assertThat((Integer) at(app, "spec.replicas")).as(name(app) + " replicas").isGreaterThanOrEqualTo(2);
			Map<String, Object> hpa = prod.named("HorizontalPodAutoscaler", name(app));
			softly.assertThat((Integer) at(hpa, "spec.minReplicas")).as(name(app) + " HPA minReplicas").isGreaterThanOrEqualTo(2);
			softly.assertThat(str(maps(podSpec(app).get("containers")).get(0), "image")).as(name(app) + " image from a registry")
				.matches("[a-z0-9.-]+\\.[a-z]+/.+:[0-9][^:]*");
		}
		for (String consumer : List.of("gateway", "metrics-service", "integrations-service")) {
			softly.assertThat(maps(at(prod.named("HorizontalPodAutoscaler", consumer), "spec.metrics")))
				.as(consumer + " also scales on a traffic or lag metric")
				.anySatisfy(m -> assertThat(m.get("type")).isEqualTo("Pods"));
		}
		softly.assertAll();
	}

	/**
	 * The fault-injection switch (service-defaults, docs/resilience.md) adds latency and errors on
	 * purpose: off unless a property turns it on, and prod must never turn it on, in any form
	 * (environment variable, ConfigMap key, JVM option).
	 */
	@Test
	void prodNeverSwitchesOnFaultInjection() {
		String rendered = Manifests.of("prod").objects.toString().toLowerCase(Locale.ROOT);
		assertThat(rendered).doesNotContain("fault_injection").doesNotContain("fault-injection")
			.doesNotContain("faultinjection");
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void networkIsDeniedByDefaultAndEveryWorkloadHasItsOwnPolicy(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		List<Map<String, Object>> policies = manifests.kind("NetworkPolicy");
		assertThat(policies).as("a default-deny policy for all pods, both directions").anySatisfy(p -> {
			assertThat(map(at(p, "spec.podSelector"))).isEmpty();
			assertThat(list(at(p, "spec.policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(at(p, "spec.ingress")).isNull();
			assertThat(at(p, "spec.egress")).isNull();
		});
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> workload : manifests.workloads()) {
			List<Map<String, Object>> own = policies.stream()
				.filter(p -> !map(at(p, "spec.podSelector")).isEmpty())
				.filter(p -> selects(map(at(p, "spec.podSelector")), podLabels(workload)))
				.toList();
			softly.assertThat(own).as(overlay + " " + name(workload) + " is selected by its own NetworkPolicy").isNotEmpty();
		}
		softly.assertAll();
	}

	/**
	 * integrations-service delivers webhooks to third parties, and so does the monolith, which runs its
	 * code in process: the only workloads that may leave the cluster.
	 */
	static final List<String> WEBHOOK_SENDERS = List.of("integrations-service", Repo.MONOLITH);

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void onlyTheWebhookSendersReachTheInternetAndNeverPrivateRanges(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> policy : Manifests.of(overlay).kind("NetworkPolicy")) {
			List<Map<String, Object>> blocks = new ArrayList<>();
			for (Map<String, Object> rule : maps(at(policy, "spec.egress"))) {
				maps(rule.get("to")).stream().map(peer -> map(peer.get("ipBlock"))).filter(b -> !b.isEmpty()).forEach(blocks::add);
			}
			for (Map<String, Object> rule : maps(at(policy, "spec.ingress"))) {
				maps(rule.get("from")).stream().map(peer -> map(peer.get("ipBlock"))).filter(b -> !b.isEmpty()).forEach(blocks::add);
			}
			if (blocks.isEmpty()) {
				continue;
			}
			softly.assertThat(name(policy)).as("only " + WEBHOOK_SENDERS + " may use ipBlock").isIn(WEBHOOK_SENDERS);
			softly.assertThat(map(at(policy, "spec.podSelector.matchLabels"))).as(name(policy) + " selects its own pods only")
				.isEqualTo(Map.of("app.kubernetes.io/name", name(policy)));
			for (Map<String, Object> block : blocks) {
				String cidr = str(block, "cidr");
				List<Object> except = list(block.get("except"));
				softly.assertThat(except).as(name(policy) + " " + cidr + " excepts every private range")
					.containsAll(cidr.contains(":") ? PRIVATE_V6 : PRIVATE_V4);
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void secretsAreReferencedNeverCommitted(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		assertThat(manifests.kind("Secret")).as("no Secret object is rendered from the repository").isEmpty();
		String script = Repo.read("k8s/create-secrets.sh");
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> workload : manifests.workloads()) {
			for (String secret : referencedSecrets(workload)) {
				softly.assertThat(script).as(name(workload) + " uses Secret " + secret + ": k8s/create-secrets.sh must create it")
					.contains("create_secret " + secret + " ");
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theNamespaceEnforcesPodSecurityRestricted(String overlay) {
		Map<String, Object> namespace = Manifests.of(overlay).named("Namespace", "instaclone");
		assertThat(map(at(namespace, "metadata.labels"))).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
		assertThat(Manifests.of(overlay).objects).filteredOn(o -> !"Namespace".equals(o.get("kind")))
			.allSatisfy(o -> assertThat(str(o, "metadata.namespace")).isEqualTo("instaclone"));
	}

	static List<String> referencedSecrets(Map<String, Object> workload) {
		List<String> names = new ArrayList<>();
		for (Map<String, Object> volume : maps(podSpec(workload).get("volumes"))) {
			if (at(volume, "secret.secretName") != null) {
				names.add(str(volume, "secret.secretName"));
			}
		}
		for (Map<String, Object> container : containers(workload)) {
			for (Map<String, Object> env : maps(container.get("env"))) {
				if (at(env, "valueFrom.secretKeyRef.name") != null) {
					names.add(str(env, "valueFrom.secretKeyRef.name"));
				}
			}
		}
		return names;
	}

	private static @Nullable Object effective(Map<String, Object> container, Map<String, Object> pod, String key) {
		return container.containsKey(key) ? container.get(key) : pod.get(key);
	}

	private static boolean tmpIsEmptyDir(Map<String, Object> pod, Map<String, Object> container) {
		return maps(container.get("volumeMounts")).stream()
			.filter(m -> "/tmp".equals(m.get("mountPath")))
			.anyMatch(m -> maps(pod.get("volumes")).stream()
				.anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
	}
}
