// A decimal number as JSON or an environment would write it: an optional
// sign, digits, an optional fraction. No blanks, hex, exponent or
// `Infinity`, which Number() would all accept.
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

function toNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const number = Number(text);
  // An integer past 2^53 would be rounded: leave it as text so that the
  // class's rules reject it instead of seeing another number.
  if (!text.includes('.') && !Number.isSafeInteger(number)) return undefined;
  return number;
}

function toBoolean(text: string): boolean | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}

function convert(text: string, type: unknown): unknown {
  if (type === Number) return toNumber(text);
  if (type === Boolean) return toBoolean(text);
  return undefined;
}

function isClassInstance(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  if (value instanceof Date || value instanceof Map || value instanceof Set) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== null && prototype !== Object.prototype;
}

/**
 * Converts, in place, the string fields of a config class instance that
 * stand unambiguously for the field's declared type (its `design:type`):
 * `number` from a strict decimal (`"5432"`, `"-1.5"`; not `""`, `" "`,
 * `"0x10"`, `"1e3"`), `boolean` from exactly `"true"` or `"false"`.
 * Recurses into nested class instances and arrays of them (built by
 * class-transformer's `@Type`). Anything else is left as is, so that the
 * class's rules judge the stored value, not a guess.
 */
export function convertStrictly(
  target: object,
  seen = new Set<object>(),
): void {
  if (seen.has(target)) return;
  seen.add(target);
  const fields = target as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'string') {
      const type: unknown = Reflect.getMetadata('design:type', target, key);
      const converted = convert(value, type);
      if (converted !== undefined) fields[key] = converted;
    } else if (Array.isArray(value)) {
      for (const item of value) {
        if (isClassInstance(item)) convertStrictly(item, seen);
      }
    } else if (isClassInstance(value)) {
      convertStrictly(value, seen);
    }
  }
}
