import { inspect } from 'node:util';

/** What every secret value is shown as. */
export const REDACTED = '[redacted]';

/** Field names of `target` with every value replaced by `[redacted]`. */
export function redactedFields(target: object): Record<string, string> {
  const view: Record<string, string> = {};
  for (const key of Object.keys(target)) view[key] = REDACTED;
  return view;
}

/** `Label { a: [redacted], b: [redacted] }`, built from field names only. */
export function describeRedacted(label: string, target: object): string {
  const fields = Object.keys(target).map((key) => `${key}: ${REDACTED}`);
  return fields.length > 0
    ? `${label} { ${fields.join(', ')} }`
    : `${label} {}`;
}

function hidden(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

/**
 * Gives `target` non-enumerable own methods for `util.inspect`, `toJSON`,
 * `toString` and `Symbol.toPrimitive` that show its field names with
 * `[redacted]` values. Field reads still return the real values. The
 * methods read the field names on each call, so they follow commits.
 */
export function installRedaction(target: object, label: string): void {
  const describe = (): string => describeRedacted(label, target);
  hidden(target, inspect.custom, describe);
  hidden(target, 'toJSON', () => redactedFields(target));
  hidden(target, 'toString', describe);
  hidden(target, Symbol.toPrimitive, describe);
}
