// Validates element templates against @camunda/zeebe-element-templates-json-schema with the
// validator Camunda Modeler itself uses. Usage: node validate-templates.mjs FILE...
// Prints the schema version, then one line per problem; exits 1 when any template is invalid.
import { readFileSync } from 'node:fs';
import { validateZeebe, getZeebeSchemaVersion } from '@bpmn-io/element-templates-validator';

console.log(`schema ${getZeebeSchemaVersion()}`);
let failed = false;
for (const file of process.argv.slice(2)) {
  const { valid, errors } = validateZeebe(readFileSync(file, 'utf-8'));
  if (!valid) {
    failed = true;
    for (const e of errors) {
      console.log(`${file}: ${e.dataPath || '/'} ${e.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
