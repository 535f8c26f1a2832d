// Validates one GraphQL request ({"query": ..., "variables": ...} on stdin) against GitHub's
// published schema; prints {"problems": [...]}, empty when GitHub would run it.
import { readFileSync } from 'node:fs';
import { problems } from './github-graphql.mjs';

console.log(JSON.stringify({ problems: problems(JSON.parse(readFileSync(0, 'utf8'))) }));
