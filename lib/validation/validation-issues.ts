import type { ValidationError } from 'class-validator';

/** One failed property: its path and the names of the rules it broke. */
export interface PropertyIssue {
  /**
   * Property path, nested with dots (`pool.max`, `hosts.0`); `''` for a
   * rule of the object itself (class-validator's `unknownValue`, say).
   */
  readonly path: string;
  /** class-validator rule names, e.g. `isInt`, `min`. */
  readonly rules: readonly string[];
}

function joinPath(parent: string, property: unknown): string {
  // class-validator leaves `property` undefined for the object itself.
  const own = typeof property === 'string' ? property : '';
  if (!parent) return own;
  return own ? `${parent}.${own}` : parent;
}

/**
 * Flattens class-validator errors into paths and rule names. Only
 * `property`, `children` and the keys of `constraints` are read: `value`,
 * `target` and the constraint messages (which may quote `$value`) never
 * leave this function.
 */
export function toPropertyIssues(
  errors: readonly ValidationError[],
  parent = '',
): PropertyIssue[] {
  const issues: PropertyIssue[] = [];
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const rules = Object.keys(error.constraints ?? {});
    if (rules.length > 0) issues.push({ path, rules });
    if (error.children?.length) {
      issues.push(...toPropertyIssues(error.children, path));
    }
  }
  return issues;
}
