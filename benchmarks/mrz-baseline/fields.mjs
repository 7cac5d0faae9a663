// Prints what the npm package mrz reads from each zone of agreement-inputs.json, as JSON, for the field by
// field comparison in tests/Vartio.Domain.Tests/Documents/BaselineAgreementTests.cs:
//   node fields.mjs > baseline-fields.json
import { readFileSync } from 'node:fs';
import { parse } from 'mrz';

const inputs = JSON.parse(readFileSync(new URL('./agreement-inputs.json', import.meta.url), 'utf8'));
const results = inputs.map(({ name, lines }) => {
  try {
    const result = parse(lines);
    return { name, format: result.format, valid: result.valid, fields: result.fields };
  } catch (error) {
    return { name, error: error.message };
  }
});
console.log(JSON.stringify(results, null, 2));
