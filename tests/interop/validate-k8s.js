'use strict';
// Validates Kubernetes objects against the JSON schemas of the npm package kubernetes-models.
// Usage: node validate-k8s.js FILE.json...   (each file: one object or an array of objects)
// Prints one line per object ("ok <file> <kind>/<name>" or "FAIL <file> <kind>/<name>: <errors>") and exits 1 when
// any object fails or has an apiVersion/kind the package does not know.
const fs = require('fs');

function modelClass(apiVersion, kind) {
  // apps/v1 -> kubernetes-models/apps/v1/Deployment; v1 -> kubernetes-models/v1/Pod
  const path = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    const module = require(path);
    return module[kind] || null;
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
}

function describe(errors) {
  return (errors || []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`).join('; ');
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  const objects = Array.isArray(parsed) ? parsed : [parsed];
  for (const object of objects) {
    const label = `${file} ${object.kind}/${(object.metadata && object.metadata.name) || '?'}`;
    const Model = modelClass(object.apiVersion, object.kind);
    if (!Model) {
      console.log(`FAIL ${label}: kubernetes-models has no schema for apiVersion ${object.apiVersion} kind ${object.kind}`);
      failed++;
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok ${label}`);
    } catch (e) {
      console.log(`FAIL ${label}: ${e.errors ? describe(e.errors) : e.message}`);
      failed++;
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
