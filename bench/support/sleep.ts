import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms` milliseconds of real time. */
export const sleep = (ms: number): Promise<void> => delay(ms);
