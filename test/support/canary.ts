import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { canaryNeedles, type CanaryForm } from './canary-forms.js';

export { canaryNeedles, type CanaryForm } from './canary-forms.js';
export { LogCapture, type LogEntry } from './log-capture.js';
export { captureOutput, type OutputCapture } from './output-capture.js';

/**
 * Characters that change under JSON, URL and HTML escaping; a canary that
 * carries them proves that escaped forms are caught too.
 */
const SPECIAL_SUFFIX = '/+= &%"\\<>?#';

/** Options of `makeCanary`. */
export interface CanaryOptions {
  /** Appends characters that escaping changes. Default: `false`. */
  readonly special?: boolean;
}

/**
 * A unique secret value to plant and hunt for: `CANARY-` and 16 random hex
 * digits (plus, with `special`, characters that escaping changes).
 */
export function makeCanary(options: CanaryOptions = {}): string {
  const base = `CANARY-${randomBytes(8).toString('hex')}`;
  return options.special ? `${base}${SPECIAL_SUFFIX}` : base;
}

/** Text to search, with a name that says where it came from. */
export interface LabelledText {
  /** Shown in failures, e.g. `boot error stack` or `GET /health body`. */
  readonly where: string;
  /** A string, or any value (serialized with `serializeDeep`). */
  readonly text: unknown;
}

/** Something to search: a string, a labelled value, or a list of them. */
export type Haystack = string | LabelledText | readonly Haystack[];

/** Canaries to hunt for: a list, or names mapped to values. */
export type Canaries = readonly string[] | Readonly<Record<string, string>>;

/** One place a canary was found; `excerpt` has every canary masked. */
export interface CanaryFinding {
  readonly canary: string;
  readonly form: CanaryForm;
  readonly where: string;
  readonly offset: number;
  readonly excerpt: string;
}

/**
 * Serializes any value as completely as a log line or a debugger could:
 * `util.inspect` without depth, length or string limits (errors show
 * message, stack, own fields, `cause` and `errors`), then JSON when the
 * value is JSON-able, so that `toJSON` paths are searched as well.
 */
export function serializeDeep(value: unknown): string {
  if (typeof value === 'string') return value;
  const inspected = inspect(value, {
    depth: Infinity,
    maxArrayLength: Infinity,
    maxStringLength: Infinity,
    breakLength: Infinity,
    getters: true,
  });
  let json = '';
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    // Cycles or BigInt: the inspected form alone covers it.
  }
  return json ? `${inspected}\n${json}` : inspected;
}

/** `{ where, text }` for an error: message, stack and everything it holds. */
export function errorHaystack(error: unknown, where = 'error'): LabelledText {
  return { where, text: serializeDeep(error) };
}

function namedCanaries(canaries: Canaries): [name: string, value: string][] {
  return Array.isArray(canaries)
    ? canaries.map((value, i): [string, string] => [`#${i + 1}`, value])
    : Object.entries(canaries);
}

function flatten(haystacks: readonly Haystack[], out: LabelledText[] = []) {
  haystacks.forEach((haystack, i) => {
    if (typeof haystack === 'string')
      out.push({ where: `haystack ${i + 1}`, text: haystack });
    else if (Array.isArray(haystack)) flatten(haystack, out);
    else out.push(haystack as LabelledText);
  });
  return out;
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place any canary appears, in any form, with masked excerpts. */
export function findCanaries(
  canaries: Canaries,
  ...haystacks: Haystack[]
): CanaryFinding[] {
  const byNeedle = new Map<string, { name: string; form: CanaryForm }>();
  for (const [name, value] of namedCanaries(canaries)) {
    if (value.length < 12) {
      throw new Error(`Canary ${name} is shorter than 12 characters`);
    }
    for (const { form, needle } of canaryNeedles(value)) {
      if (!byNeedle.has(needle)) byNeedle.set(needle, { name, form });
    }
  }
  if (byNeedle.size === 0) return [];
  // Longest first, so that a longer escaped form wins over a shorter one.
  const needles = [...byNeedle.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'g');

  const findings: CanaryFinding[] = [];
  for (const { where, text } of flatten(haystacks)) {
    const source = serializeDeep(text);
    const hits = [...source.matchAll(pattern)];
    if (hits.length === 0) continue;
    // Mask every hit first, so that no excerpt shows any canary.
    const masked = source.replace(pattern, (needle) => {
      const { name, form } = byNeedle.get(needle)!;
      return `‹canary ${name} as ${form}›`;
    });
    let shift = 0;
    for (const hit of hits) {
      const { name, form } = byNeedle.get(hit[0])!;
      const placeholder = `‹canary ${name} as ${form}›`;
      const at = hit.index + shift;
      shift += placeholder.length - hit[0].length;
      const excerpt = masked
        .slice(Math.max(0, at - 40), at + placeholder.length + 40)
        .replace(/\n/g, '⏎');
      findings.push({ canary: name, form, where, offset: hit.index, excerpt });
    }
  }
  return findings;
}

/**
 * Fails when any canary appears, in any encoded form, in any haystack. The
 * message says which canary (by name or position), in which form, where
 * and at which offset, with a masked excerpt; it never prints a value.
 */
export function assertNoCanary(
  canaries: Canaries,
  ...haystacks: Haystack[]
): void {
  const findings = findCanaries(canaries, ...haystacks);
  if (findings.length === 0) return;
  const lines = findings
    .slice(0, 20)
    .map(
      (f) =>
        `- canary ${f.canary} as ${f.form} in ${f.where} at offset ${f.offset}: …${f.excerpt}…`,
    );
  if (findings.length > 20) lines.push(`- and ${findings.length - 20} more`);
  throw new Error(
    `Secret canary leaked (${findings.length} occurrence(s)):\n${lines.join('\n')}`,
  );
}
