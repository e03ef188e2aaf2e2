import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CadenceTemplateError, loadCadenceTemplates } from './load-templates.js';

const templatesDir = new URL('../../../templates/cadences/', import.meta.url);
const tempDirs: string[] = [];
afterEach(() => tempDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadences-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loading cadence templates', () => {
  it('loads every seeded cadence', () => {
    expect(loadCadenceTemplates(templatesDir).map((c) => c.id)).toEqual([
      'bupl-at-risk', 'bupl-not-at-risk', 'dk-2024-akasse', 'dk-2026-akasse', 'hk-1', 'hk-2', 'hk-3',
      'jobviften-dagpenge', 'jobviften-kontanthjaelp',
    ]);
  });

  it('names the file and the field when a template has a wrong value', () => {
    const hk1 = JSON.parse(readFileSync(new URL('hk-1.json', templatesDir), 'utf8'));
    hk1.conversations[2].window = { kind: 'in_week', week: 0 };
    const dir = folderWith({ 'hk-1.json': JSON.stringify(hk1) });
    expect(() => loadCadenceTemplates(dir)).toThrow(CadenceTemplateError);
    expect(() => loadCadenceTemplates(dir)).toThrow(/hk-1\.json[\s\S]*conversations\[2\]\.window\.week/);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const hk1 = JSON.parse(readFileSync(new URL('hk-1.json', templatesDir), 'utf8'));
    hk1.conversations[0].mandatorry = true;
    const dir = folderWith({ 'hk-1.json': JSON.stringify(hk1) });
    expect(() => loadCadenceTemplates(dir)).toThrow(/conversations\[0\].*mandatorry/);
  });

  it('rejects a file that is not JSON, naming it', () => {
    const dir = folderWith({ 'broken.json': '{ "id": ' });
    expect(() => loadCadenceTemplates(dir)).toThrow(/broken\.json[\s\S]*not readable JSON/);
  });

  it('rejects a template whose id differs from its file name', () => {
    const hk1 = readFileSync(new URL('hk-1.json', templatesDir), 'utf8');
    const dir = folderWith({ 'hk-9.json': hk1 });
    expect(() => loadCadenceTemplates(dir)).toThrow(/must match the file name 'hk-9'/);
  });
});
