/** Name prefix of the secrets the boot, read and memory scenarios share. */
export const BOOT_PREFIX = 'bench/boot';
/** Prefix of the secrets the API-call scenario declares (and nothing else). */
export const CALLS_PREFIX = 'bench/calls';
/** Prefix of the secret the rotation scenario rotates. */
export const ROTATION_PREFIX = 'bench/rotation';
