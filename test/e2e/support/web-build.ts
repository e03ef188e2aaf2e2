import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SRC_DIR = path.join(REPO_ROOT, 'src/web');
const BUILT_INDEX = path.join(REPO_ROOT, 'dist/web/index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestChange(full) : stat.mtimeMs);
  }
  return newest;
}

/** Builds dist/web when it is missing or older than any file under src/web (or the Vite config). */
export function ensureWebBuild(): { built: boolean; ms: number } {
  const started = Date.now();
  const sourceTime = Math.max(newestChange(SRC_DIR), statSync(path.join(REPO_ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(BUILT_INDEX) && statSync(BUILT_INDEX).mtimeMs >= sourceTime) return { built: false, ms: 0 };
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return { built: true, ms: Date.now() - started };
}
