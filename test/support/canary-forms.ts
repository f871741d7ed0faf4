/** How a canary can be written when it leaks. */
export type CanaryForm =
  | 'raw'
  | 'json-escaped'
  | 'double-json-escaped'
  | 'url-encoded'
  | 'form-encoded'
  | 'html-escaped'
  | 'base64'
  | 'base64url'
  | 'hex'
  | 'hex-bytes';

/** A string to search for, and the form of the canary it stands for. */
export interface CanaryNeedle {
  readonly form: CanaryForm;
  readonly needle: string;
}

/**
 * Base64 text that encodes `bytes` wherever they sit inside a larger
 * encoded buffer: one fragment per byte alignment (0, 1, 2), without the
 * characters that also depend on neighbouring bytes. This finds a canary
 * inside, say, the base64 of a whole JSON document or a Basic auth header.
 */
function base64Fragments(bytes: Buffer): string[] {
  const fragments: string[] = [];
  for (const offset of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Characters of the first group that mix padding and canary bits.
    const skip = [0, 2, 3][offset];
    // Only whole 3-byte groups: the last partial group depends on what follows.
    const end = Math.floor(padded.length / 3) * 4;
    fragments.push(encoded.slice(skip, end));
  }
  return fragments;
}

function htmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Every form a canary is searched in; duplicates of `raw` are dropped. */
export function canaryNeedles(canary: string): CanaryNeedle[] {
  const bytes = Buffer.from(canary, 'utf8');
  const jsonEscaped = JSON.stringify(canary).slice(1, -1);
  const hex = bytes.toString('hex');
  const candidates: CanaryNeedle[] = [
    { form: 'raw', needle: canary },
    { form: 'json-escaped', needle: jsonEscaped },
    {
      form: 'double-json-escaped',
      needle: JSON.stringify(jsonEscaped).slice(1, -1),
    },
    { form: 'url-encoded', needle: encodeURIComponent(canary) },
    {
      form: 'form-encoded',
      needle: new URLSearchParams({ x: canary }).toString().slice(2),
    },
    { form: 'html-escaped', needle: htmlEscape(canary) },
    ...base64Fragments(bytes).map((needle) => ({
      form: 'base64' as const,
      needle,
    })),
    ...base64Fragments(bytes).map((needle) => ({
      form: 'base64url' as const,
      needle: needle.replaceAll('+', '-').replaceAll('/', '_'),
    })),
    { form: 'hex', needle: hex },
    { form: 'hex', needle: hex.toUpperCase() },
    // As util.inspect shows a Buffer: `<Buffer 43 41 4e ...>`.
    { form: 'hex-bytes', needle: hex.replace(/(..)(?!$)/g, '$1 ') },
  ];
  const seen = new Set<string>();
  return candidates.filter(({ needle }) => {
    if (seen.has(needle)) return false;
    seen.add(needle);
    return true;
  });
}
