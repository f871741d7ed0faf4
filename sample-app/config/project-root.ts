import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the project root: the nearest folder above this file that holds a
 * `package.json`. Works the same from `sample-app/` (tests) and from
 * `dist/sample-app/` (the build), which sit at different depths.
 */
export function findProjectRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The fake local secrets that `npm start` uses when no AWS is configured. */
export const DEFAULT_LOCAL_SECRETS_FILE = join(
  findProjectRoot(),
  'sample-app',
  'secrets.local.json',
);
