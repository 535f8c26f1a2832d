// GitHub's GraphQL schema, as @octokit/graphql-schema publishes it, and the checks a real server
// makes before running a request: the document parses and validates against the schema, and each
// variable coerces to its declared type. Used by the fake's /graphql endpoint and by
// graphql-check.mjs, which a test runs on the exact request the tool sends.
import { readFileSync } from 'node:fs';
import { buildSchema, coerceInputValue, parse, typeFromAST, validate } from 'graphql';

// the package exports only its index, which also parses the large schema.json: read the SDL beside it
const published = new URL('./schema.graphql', import.meta.resolve('@octokit/graphql-schema'));
// this release declares two fields of EnterpriseOwnerInfo twice, which the SDL check rejects for the
// whole file; nothing autofix uses is near them, and requests are still validated in full
export const schema = buildSchema(readFileSync(published, 'utf8'), { assumeValidSDL: true });

// every problem of {query, variables}, as GitHub words a GraphQL error: {message, locations?}
export function problems(request) {
  if (typeof request?.query !== 'string') return [{ message: 'A query attribute must be specified' }];
  let document;
  try {
    document = parse(request.query);
  } catch (e) {
    return [{ message: e.message, locations: e.locations }];
  }
  const errors = validate(schema, document).map((e) => ({ message: e.message, locations: e.locations }));
  if (errors.length > 0) return errors;
  const variables = request.variables ?? {};
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    return [{ message: 'Variables are invalid JSON.' }];
  }
  const out = [];
  for (const op of document.definitions.filter((d) => d.kind === 'OperationDefinition')) {
    for (const def of op.variableDefinitions ?? []) {
      const name = def.variable.name.value;
      const type = typeFromAST(schema, def.type);
      coerceInputValue(variables[name], type, (path, value, error) => {
        out.push({ message: `Variable $${name}${path.map((p) => `[${JSON.stringify(p)}]`).join('')}: ${error.message}` });
      });
    }
    const declared = new Set((op.variableDefinitions ?? []).map((d) => d.variable.name.value));
    for (const name of Object.keys(variables)) {
      if (!declared.has(name)) out.push({ message: `Variable $${name} is not declared by the operation` });
    }
  }
  return out;
}
