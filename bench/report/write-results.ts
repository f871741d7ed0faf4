import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from './markdown.js';
import type { BenchResults } from './results.js';

// dist/bench/report → bench/ at the package root.
const BENCH_DIR = new URL('../../../bench/', import.meta.url);

/** Writes bench/RESULTS.md and bench/results.json; returns their paths. */
export async function writeResults(results: BenchResults): Promise<string[]> {
  const markdown = new URL('RESULTS.md', BENCH_DIR);
  const json = new URL('results.json', BENCH_DIR);
  await writeFile(markdown, renderMarkdown(results));
  await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  return [fileURLToPath(markdown), fileURLToPath(json)];
}
