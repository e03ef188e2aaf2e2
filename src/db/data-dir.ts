import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { generateMasterKey } from '../server/crypto/cpr-cipher';

export class DataDirLockedError extends Error {}

export type EmbeddedDataDir = { root: string; pgDir: string; release(): Promise<void> };

/**
 * PGlite corrupts a folder that two processes open, so the embedded mode takes a lock on its
 * folder first and refuses to start when another process holds it.
 */
export async function lockDataDir(dir: string): Promise<EmbeddedDataDir> {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, { lockfilePath: path.join(root, 'jobspor.lock'), stale: 30_000, update: 10_000, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `Another Jobspor process is already using the data folder ${root}.\n` +
          'The embedded database (PGlite) would be corrupted if two processes opened it. Stop the other process, ' +
          'or start this one with another JOBSPOR_DATA_DIR, or use PostgreSQL (DATABASE_URL).',
      );
    }
    throw error;
  }
  return { root, pgDir: path.join(root, 'pg'), release };
}

/** The embedded mode keeps its CPR key beside the data, created on first start. */
export function readOrCreateEmbeddedKey(root: string): string {
  const file = path.join(root, 'cpr.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = generateMasterKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
