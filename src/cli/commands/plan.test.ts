import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerPlanCommand } from './plan.js';

afterEach(() => vi.restoreAllMocks());

async function runPlan(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const program = new Command('jobspor').exitOverride().configureOutput({ writeErr: (text) => (stderr += text), writeOut: (text) => (stdout += text) });
  registerPlanCommand(program);
  try {
    await program.parseAsync(['plan', ...args], { from: 'user' });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { stdout, stderr, exitCode: error.exitCode };
    throw error;
  }
}

describe('jobspor plan', () => {
  it('prints the plan as JSON with ISO dates, deadlines moved off Easter and Christmas closing days', async () => {
    const { stdout, exitCode } = await runPlan(['--template', 'bupl-not-at-risk', '--start', '2026-12-21', '--closing-days', '2026-12-24,2026-12-31', '--json']);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { type: 'cv_contact', earliest: '2026-12-21', latest: '2026-12-30', mandatory: true, mode: 'any' },
      { type: 'availability', earliest: '2027-02-08', latest: '2027-02-15', mandatory: true, mode: 'any' },
      { type: 'joint_meeting', earliest: '2027-03-08', latest: '2027-03-12', mandatory: true, mode: 'any' },
    ]);
  });

  it('prints a readable Danish table without --json', async () => {
    const { stdout, exitCode } = await runPlan(['--template', 'hk-1', '--start', '2026-03-30']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Samtaleplan: HK gruppe 1');
    expect(stdout).toMatch(/CV- og kontaktsamtale 1\s+man\. 30\.03\.2026\s+man\. 13\.04\.2026\s+ja\s+valgfri/);
    expect(stdout).toMatch(/Ekstra kontakt efter behov\s+man\. 30\.03\.2026\s+tir\. 30\.06\.2026\s+nej/);
  });

  it('counts a Jobviften course from --course-start', async () => {
    const { stdout } = await runPlan(['--template', 'jobviften-dagpenge', '--start', '2026-03-16', '--course-start', '2026-04-03', '--json']);
    expect(JSON.parse(stdout)[0]).toEqual({ type: 'info_meeting', earliest: '2026-04-07', latest: '2026-04-07', mandatory: true, mode: 'in_person' });
  });

  it('an unknown template exits with code 2 and names the known templates', async () => {
    const { stderr, exitCode } = await runPlan(['--template', 'hk-9', '--start', '2026-03-30']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("Ukendt skabelon 'hk-9'");
    expect(stderr).toContain('hk-1, hk-2, hk-3');
  });

  it.each([
    [['--start', '30-03-2026'], '--start'],
    [['--start', '2026-02-30'], '--start'],
    [['--start', '2026-03-30', '--closing-days', '2026-12-24,24/12'], '--closing-days'],
  ])('a malformed date (%j) exits with code 2 and says which option is wrong', async (args, option) => {
    const { stderr, exitCode } = await runPlan(['--template', 'hk-1', ...args]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`Ugyldig dato for ${option}`);
    expect(stderr).toContain('ÅÅÅÅ-MM-DD');
  });
});
