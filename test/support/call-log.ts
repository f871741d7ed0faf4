import { shortOperation, type FaultKind } from './fault-rules.js';

/** One request the fault proxy saw. */
export interface ProxyCall {
  /** Operation name without the service prefix, e.g. `GetSecretValue`. */
  readonly operation: string;
  /** `Date.now()` when it arrived (the fake clock's, when faked). */
  readonly at: number;
  /** What the proxy did with it. */
  readonly fault: FaultKind;
  /** `SecretId` from the request body, when it had one. */
  readonly secretId?: string;
}

/** Time window in `Date.now()` milliseconds: `since` ≤ at < `until`. */
export interface CallWindow {
  readonly since?: number;
  readonly until?: number;
}

/** Recorded calls and the counts tests assert on. */
export class CallLog {
  private entries: ProxyCall[] = [];

  record(call: ProxyCall): void {
    this.entries.push(call);
  }

  clear(): void {
    this.entries = [];
  }

  /** Every call, in arrival order. */
  all(): readonly ProxyCall[] {
    return [...this.entries];
  }

  /** Calls per operation, e.g. `{ GetSecretValue: 3 }`. */
  counts(window: CallWindow = {}): Record<string, number> {
    const result: Record<string, number> = {};
    for (const call of this.entries) {
      if (!inWindow(call, window)) continue;
      result[call.operation] = (result[call.operation] ?? 0) + 1;
    }
    return result;
  }

  /** Calls of one operation (`*` for all) within the window. */
  count(operation: string, window: CallWindow = {}): number {
    return this.entries.filter(
      (call) => matches(call, operation) && inWindow(call, window),
    ).length;
  }

  /**
   * Calls of `operation` (`*` for all) in consecutive windows of
   * `windowMs`, from `from` (default: its first call) to its last call.
   */
  countsPerWindow(
    operation: string,
    windowMs: number,
    from?: number,
  ): number[] {
    const times = this.entries
      .filter((call) => matches(call, operation))
      .map((call) => call.at);
    if (times.length === 0) return [];
    const start = from ?? Math.min(...times);
    const size = Math.floor((Math.max(...times) - start) / windowMs) + 1;
    const buckets = new Array<number>(Math.max(1, size)).fill(0);
    for (const at of times) {
      if (at >= start) buckets[Math.floor((at - start) / windowMs)] += 1;
    }
    return buckets;
  }
}

function inWindow(call: ProxyCall, window: CallWindow): boolean {
  return (
    (window.since === undefined || call.at >= window.since) &&
    (window.until === undefined || call.at < window.until)
  );
}

function matches(call: ProxyCall, operation: string): boolean {
  return operation === '*' || call.operation === shortOperation(operation);
}
