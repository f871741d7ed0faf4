// Installs the locked dependencies when they are missing or older than
// package-lock.json, so that `npm run demo` and `npm test` work from a fresh
// clone without a separate install step. Plain Node: it runs before any
// dependency exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) ||
  statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;

if (stale) {
  console.log('Installing dependencies (npm ci)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
