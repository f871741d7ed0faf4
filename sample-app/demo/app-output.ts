/** Nest's log prefix: `[Nest] 1234  - 12/3/2025, 4:17:00 PM     LOG `. */
const NEST_PREFIX =
  /^\[Nest\] \d+\s+-\s+.*?\s+(LOG|WARN|ERROR|DEBUG|VERBOSE|FATAL)\s+/;

/** Contexts whose lines the demo shows while the app runs. */
const SHOWN_CONTEXTS = /\[(SecretsModule|Secrets\w*|SampleApp)\]/;

/** Strips Nest's pid and timestamp so a log line reads in the narration. */
export function shortenLogLine(line: string): string {
  return line.replace(NEST_PREFIX, '$1 ');
}

/**
 * Whether a line of a running app is worth narrating: the library's and the
 * app's own lines, and every warning or error; not Nest's route mapping.
 */
export function isNarrated(line: string): boolean {
  const level = NEST_PREFIX.exec(line)?.[1];
  return SHOWN_CONTEXTS.test(line) || level === 'WARN' || level === 'ERROR';
}
