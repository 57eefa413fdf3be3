// Validates Kubernetes objects (a JSON array on stdin) against the JSON schemas that
// kubernetes-models and its KEDA, prometheus-operator and Gateway API packages carry. These
// packages are ES modules, which jest's CommonJS runtime cannot load: the spec runs this file.
// Prints a JSON array of { kind, name, error } (error null when valid, "no schema" when unknown).

const MODELS = {
  'keda.sh/': '@kubernetes-models/keda',
  'monitoring.coreos.com/': '@kubernetes-models/prometheus-operator',
  'gateway.networking.k8s.io/': '@kubernetes-models/gateway-api',
};

function modulePath({ apiVersion, kind }) {
  const group = Object.keys(MODELS).find((prefix) => apiVersion.startsWith(prefix));
  if (group) return `${MODELS[group]}/${apiVersion}/${kind}`;
  if (apiVersion.includes('.') && !apiVersion.includes('k8s.io')) return null;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function validate(manifest) {
  const path = modulePath(manifest);
  const result = { kind: manifest.kind, name: manifest.metadata?.name, error: null };
  if (!path) return { ...result, error: 'no schema' };
  let Model;
  try {
    Model = (await import(path))[manifest.kind];
  } catch {
    return { ...result, error: 'no schema' };
  }
  try {
    new Model(manifest).validate();
  } catch (error) {
    result.error = error.message;
  }
  return result;
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = await Promise.all(JSON.parse(input).map(validate));
process.stdout.write(JSON.stringify(results));
