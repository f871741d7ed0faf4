import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../config/project-root.js';

// The files stay in the source tree (tsc does not copy them); the project
// root is found the same way from sample-app/ and from dist/sample-app/.
const PAGE_DIR = join(findProjectRoot(), 'sample-app', 'status', 'page');

/** The status page, its script and its style sheet, read once. */
export function loadStatusAssets() {
  const read = (file: string) => readFileSync(join(PAGE_DIR, file), 'utf8');
  return {
    html: read('status.html'),
    script: read('status.js'),
    style: read('status.css'),
  };
}

/**
 * Only same-origin scripts, styles and connections: the page holds no
 * inline script or data, so nothing injected into it could run.
 */
export const STATUS_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
