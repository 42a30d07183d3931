package org.instaclone.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object of every rendered overlay is valid against the Kubernetes OpenAPI schema, checked
 * offline with the generated validators of the npm package kubernetes-models (required fields,
 * types, enums, formats). It does not catch a misspelled optional field; the policy tests read the
 * fields that matter, so a misspelling there fails them instead.
 */
class K8sSchemaTests {

	static final List<String> OVERLAYS = Repo.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyRenderedObjectMatchesTheKubernetesSchema(String overlay) throws IOException {
		Manifests manifests = Manifests.of(overlay);
		Path rendered = Repo.file("deploy-checks/target/rendered/" + overlay + ".yaml");
		Files.createDirectories(rendered.getParent());
		Files.writeString(rendered, manifests.yaml);

		Tools.Result result = validate(rendered);

		assertThat(result.exit()).as(result.output()).isZero();
		assertThat(result.output()).contains("validated " + manifests.objects.size() + " objects, 0 invalid");
	}

	@Test
	void theValidatorRejectsWhatTheApiServerWould() throws IOException {
		Path broken = Repo.file("deploy-checks/target/rendered/broken.yaml");
		Files.createDirectories(broken.getParent());
		Files.writeString(broken, """
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: broken }
				spec:
				  replicas: two
				  selector: { matchLabels: { app: broken } }
				  template:
				    metadata: { labels: { app: broken } }
				    spec:
				      containers:
				        - name: broken
				          image: instaclone/gateway:0.1.0
				          ports: [ { containerPortt: 8080 } ]
				""");

		Tools.Result result = validate(broken);

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.output()).contains("/spec/replicas must be integer")
			.contains("/ports/0 must have required property containerPort");
	}

	private static Tools.Result validate(Path file) {
		String node = Tools.require("NODE", "node", "install Node.js");
		if (!Files.isDirectory(Repo.file("deploy-checks/node_modules/kubernetes-models"))) {
			Tools.missing("deploy-checks/node_modules is missing: run `npm ci --prefix deploy-checks`");
		}
		return Tools.run(List.of(node, "deploy-checks/src/test/node/validate-k8s.mjs", file.toString()), Map.of());
	}
}
