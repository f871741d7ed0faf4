/**
 * Keys a secret's JSON may not bring into a config class: they would
 * shadow the redaction methods (`toJSON`, `toString`, `valueOf`,
 * `inspect`) or reach a prototype (`__proto__`, `constructor`,
 * `prototype`).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  'toJSON',
  'toString',
  'valueOf',
  'inspect',
  'constructor',
  '__proto__',
  'prototype',
]);

/** A JSON value without reserved keys, and the paths of those dropped. */
export interface WithoutReservedKeys<T> {
  readonly value: T;
  /** Dotted paths of the dropped keys (`toJSON`, `pool.__proto__`). */
  readonly dropped: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function strip(value: unknown, path: string, dropped: string[]): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => strip(item, join(path, String(i)), dropped));
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) {
      dropped.push(join(path, key));
      continue;
    }
    // defineProperty, not assignment: a key must never run a setter.
    Object.defineProperty(copy, key, {
      value: strip(value[key], join(path, key), dropped),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Copies decoded JSON without the `RESERVED_KEYS`, at any depth of plain
 * objects and arrays, and reports the paths it dropped (never a value).
 * Other values (bytes, strings) are returned as they are.
 */
export function dropReservedKeys<T>(value: T): WithoutReservedKeys<T> {
  const dropped: string[] = [];
  return { value: strip(value, '', dropped) as T, dropped };
}
