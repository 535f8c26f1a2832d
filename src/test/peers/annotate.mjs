// The escaping oracle: prints what @actions/core prints for the annotations given as JSON lines on
// stdin ({"type": "error|warning|notice", "message": ..., "properties": {...}}).
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { type, message, properties } = JSON.parse(line);
  core[type](message, properties);
}
