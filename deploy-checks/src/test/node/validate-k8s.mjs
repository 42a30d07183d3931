// Validates every object of one or more rendered multi-document YAML files against the Kubernetes
// OpenAPI schema (kubernetes-models: generated validators, offline). Exit 0 when all are valid,
// 1 with one line per problem otherwise. Used by K8sSchemaTests.
//   node src/test/node/validate-k8s.mjs rendered.yaml [more.yaml ...]
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// API groups as kubernetes-models names its folders: core is "v1", others "<group>/<version>"
function modulePath(apiVersion, kind) {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.log(`FAIL ${file}: YAML ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    const id = `${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    let Model;
    try {
      Model = (await import(modulePath(obj.apiVersion, obj.kind)))[obj.kind];
    } catch (e) {
      console.log(`FAIL ${id}: unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(obj).validate();
      checked++;
    } catch (e) {
      const details = (e.errors ?? []).map((x) => `${x.instancePath} ${x.message}`).join("; ");
      console.log(`FAIL ${id}: ${details || e.message}`);
      failures++;
    }
  }
}
console.log(`validated ${checked} objects, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
