'use strict';
// Validates JSON documents against a JSON Schema (draft-07) with ajv, the way `helm` checks values.schema.json.
// Usage: node validate-json-schema.js SCHEMA.json DATA.json...
// Prints "ok <file>" or "FAIL <file>: <errors>" per document and exits 1 when any fails.
const fs = require('fs');
const Ajv = require('ajv');

const [schemaFile, ...dataFiles] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let failed = 0;
for (const file of dataFiles) {
  if (validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    console.log(`ok ${file}`);
  } else {
    const errors = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ');
    console.log(`FAIL ${file}: ${errors}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
