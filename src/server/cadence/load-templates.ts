import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ZCadence, type TCadence } from '../../core/cadence/cadence-schema.js';

/** A cadence template that cannot be used; names the file and, when known, the field. */
export class CadenceTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Cadence template ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CadenceTemplateError';
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path
      .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
      .join('');
    return `${field || '(top level)'}: ${issue.message}`;
  });
}

export function readCadenceTemplateFile(file: string): TCadence {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CadenceTemplateError(file, [`not readable JSON: ${(error as Error).message}`]);
  }
  const parsed = ZCadence.safeParse(json);
  if (!parsed.success) throw new CadenceTemplateError(file, describeIssues(parsed.error.issues));
  const expectedId = basename(file, '.json');
  if (parsed.data.id !== expectedId) {
    throw new CadenceTemplateError(file, [`id: '${parsed.data.id}' must match the file name '${expectedId}'`]);
  }
  return parsed.data;
}

/** Reads and validates every `<id>.json` in the folder, sorted by id. */
export function loadCadenceTemplates(dir: string | URL): TCadence[] {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readCadenceTemplateFile(join(path, name)));
}
