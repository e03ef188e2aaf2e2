// Builds the web app before `npm start` when the build is missing or older than its sources,
// so the two-command quick start serves an up-to-date app without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sourceDir = path.join(root, 'src', 'web');
const builtIndex = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(path.join(sourceDir, 'index.html'))) process.exit(0);
const sources = Math.max(newestMtime(sourceDir), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sources) process.exit(0);
console.log('Building the web app …');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
