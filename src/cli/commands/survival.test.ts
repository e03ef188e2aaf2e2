import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv, registerSurvivalCommand } from './survival.js';

afterEach(() => vi.restoreAllMocks());
const dir = mkdtempSync(join(tmpdir(), 'jobspor-survival-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

async function runSurvival(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const program = new Command('jobspor').exitOverride().configureOutput({ writeErr: (t) => (stderr += t), writeOut: (t) => (stdout += t) });
  registerSurvivalCommand(program);
  try {
    await program.parseAsync(['survival', ...args], { from: 'user' });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { stdout, stderr, exitCode: error.exitCode };
    throw error;
  }
}

// The AML data (weeks) with a quoted group name holding a comma.
const AML_CSV = [
  'uger,job,"afdeling"',
  ...[9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161].map((t, i) => `${t},${[1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0][i]},"Nord, HK"`),
  ...[5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45].map((t, i) => `${t},${[1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1][i]},Syd`),
].join('\r\n');

describe('jobspor survival', () => {
  it('prints per group the number of spells, jobs, median and survival with limits at chosen days', async () => {
    const file = csvFile('aml.csv', AML_CSV);
    const { stdout, exitCode } = await runSurvival(['--csv', file, '--time', 'uger', '--event', 'job', '--group', 'afdeling', '--at', '10,30', '--json']);
    expect(exitCode).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.groups.map((g: { group: string; n: number; events: number; median: number }) => [g.group, g.n, g.events, g.median])).toEqual([
      ['Nord, HK', 11, 7, 31],
      ['Syd', 12, 11, 23],
    ]);
    expect(out.groups[1].at[1].t).toBe(30);
    expect(out.groups[1].at[1].survival).toBeCloseTo(0.291666666666667, 12);
    expect(out.groups[1].at[1].lower).toBeCloseTo(0.11483115015247, 12);
    expect(out.groups[1].at[1].upper).toBeCloseTo(0.740822018515804, 12);
  });

  it('gives one group "all" without --group and a readable Danish text without --json', async () => {
    const file = csvFile('aml2.csv', AML_CSV);
    const json = JSON.parse((await runSurvival(['--csv', file, '--time', 'uger', '--event', 'job', '--json'])).stdout);
    expect(json.groups.map((g: { group: string; median: number }) => [g.group, g.median])).toEqual([['all', 27]]);
    const text = await runSurvival(['--csv', file, '--time', 'uger', '--event', 'job', '--at', '30']);
    expect(text.stdout).toContain('all: 23 forløb, 18 hændelser, median 27,0 dage');
    expect(text.stdout).toMatch(/dag 30: \d+,\d % uden job/);
  });

  it('with --cause reports the cumulative incidence of that exit, other exits competing', async () => {
    const file = csvFile('causes.csv', 'dage,afgang\n1,0\n2,job\n3,uddannelse\n4,job\n5,0\n6,uddannelse\n7,job\n8,uddannelse\n');
    const { stdout, exitCode } = await runSurvival(['--csv', file, '--time', 'dage', '--event', 'afgang', '--cause', 'job', '--at', '4,8', '--json']);
    expect(exitCode).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.cause).toBe('job');
    expect(out.groups[0].events).toBe(3);
    expect(out.groups[0].median).toBeNull();
    expect(out.groups[0].at[0].incidence).toBeCloseTo(0.285714285714286, 12);
    expect(out.groups[0].at[1].incidence).toBeCloseTo(0.476190476190476, 12);
  });

  it.each([
    ['a missing column', 'dage,job\n1,1\n', ['--time', 'tid'], /Kolonnen 'tid' \(--time\) findes ikke/],
    ['a time that is not a number', 'dage,job\n1,1\nabc,0\n', ['--time', 'dage'], /Linje 3: kolonnen 'dage' er ikke et tal: 'abc'/],
    ['a negative time after a note spanning two lines', 'dage,job,note\n1,1,"a\nb"\n-4,1,c\n', ['--time', 'dage'], /Linje 4: kolonnen 'dage' er negativ: -4/],
    ['a negative time on a later line', 'dage,job\n1,1\n-4,1\n', ['--time', 'dage'], /Linje 3: kolonnen 'dage' er negativ: -4/],
    ['an event code that is not 0/1', 'dage,job\n1,1\n2,ja\n', ['--time', 'dage'], /Linje 3: kolonnen 'job' skal være 0 eller 1/],
  ])('refuses %s with exit code 2 and names the column and line', async (_name, text, args, message) => {
    const file = csvFile('bad.csv', text);
    const { stderr, exitCode } = await runSurvival(['--csv', file, '--event', 'job', ...args, '--json']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('CSV parsing', () => {
  it('handles quoted delimiters, doubled quotes, line breaks in quotes and CRLF, and counts lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', '3'] },
    ]);
    expect(parseCsv('\ufeffa;b\n1;2', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });
});
