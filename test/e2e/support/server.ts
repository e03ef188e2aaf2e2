import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './web-build';

export type RunningServer = { baseUrl: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts `jobspor start` as a child process on a fresh embedded database with demo data, on
 * a port the OS picks (or PORT in options.env), and waits until /readyz answers.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  // A given data folder is the caller's: kept on stop, so a spec can read the database and start again.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'jobspor-e2e-'));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/jobspor.mjs'), 'start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, JOBSPOR_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await stopChild(child);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const port = await waitFor(() => /http:\/\/[^\s:]+:(\d+)/.exec(output)?.[1], child, () => output, 240_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        const response = await fetch(`${baseUrl}/readyz`).catch(() => null);
        return response?.ok ? true : undefined;
      },
      child,
      () => output,
      30_000,
    );
    return { baseUrl, stop, output: () => output };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, child: ChildProcess, output: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not get ready within ${timeoutMs} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
