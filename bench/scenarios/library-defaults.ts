/**
 * The library's refresh defaults, as documented on `SecretsModuleOptions`
 * (set in lib/options/resolve-options.ts). The bench never reads them from
 * the library: it states what it assumes.
 */
export const DEFAULT_REFRESH_INTERVAL_MS = 300_000;
/** Fraction of the interval by which each wait is shortened at random. */
export const DEFAULT_JITTER_RATIO = 0.1;
