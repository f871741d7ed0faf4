import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { SecretRequest } from '../declaration/secret-definition.js';
import type { SecretsLogger } from '../logging/secrets-logger.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import type { SecretRefreshOutcome } from '../retry/with-secret-retry.js';
import {
  localFileChangedMessage,
  refreshCheckCrashedMessage,
  refreshStartedMessage,
} from '../secrets.messages.js';
import type { SecretSource } from '../source/secret-source.interface.js';
import type { SecretStore } from '../store/secret-store.js';
import { RecentResultLimiter, type LimiterRunOptions } from './rate-limiter.js';
import type { RefreshRound } from './refresh-round.js';
import {
  RefreshScheduler,
  type RefreshCheckSettled,
} from './refresh-scheduler.js';
import type { VersionSync } from './version-sync.js';
import { SECRETS_REFRESH_DEPS } from './refresh.tokens.js';

/** Scheduler key of the single check that covers every secret (list mode). */
export const REFRESH_ALL_KEY = '*';

/** Wait after a change notice of the local file, in ms: editors write twice. */
const WATCH_SETTLE_MS = 50;

/** What the refresher is built from (one provider, see refresh.providers). */
export interface SecretsRefresherDeps {
  readonly options: ResolvedSecretsOptions;
  readonly source: SecretSource;
  readonly store: SecretStore;
  readonly sync: VersionSync;
  /** `undefined` when `refreshMode` is `off`. */
  readonly round?: RefreshRound;
  readonly logger: SecretsLogger;
  /** Detection mode that really runs (the log line tells it). */
  readonly detectionMode?: string;
  /** Name of the watched file, for the log line. */
  readonly watchedFile?: string;
}

/**
 * Keeps declared secrets current: background checks per `refreshMode`
 * (one check for all secrets in `list` mode, one per secret in `describe`
 * and `ttl`), the local file's change notices, and on-demand refreshes.
 * Starts in `onApplicationBootstrap`, after every `@OnSecretRotated`
 * handler is bound, and stops in `onApplicationShutdown`; its timers are
 * unref'd.
 */
@Injectable()
export class SecretsRefresher
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private scheduler?: RefreshScheduler<string>;
  private unwatch?: () => void;
  private settleTimer?: NodeJS.Timeout;
  private readonly settled = new Subject<RefreshCheckSettled<string>>();
  private readonly limiter: RecentResultLimiter<string, SecretRefreshOutcome>;

  /** Every finished background check, with its outcome and next wait. */
  readonly settled$: Observable<RefreshCheckSettled<string>> =
    this.settled.asObservable();

  constructor(
    @Inject(SECRETS_REFRESH_DEPS) private readonly deps: SecretsRefresherDeps,
  ) {
    this.limiter = new RecentResultLimiter({
      minIntervalMs: deps.options.minRefreshIntervalMs,
    });
  }

  /** Whether background checks are running. */
  get running(): boolean {
    return this.scheduler?.running ?? false;
  }

  /** Starts the background checks and the local file watch. */
  onApplicationBootstrap(): void {
    const { options, round, store, logger } = this.deps;
    if (!round || this.scheduler) return;

    const requests = store.requests();
    const shared = options.refreshMode === 'list';
    this.scheduler = new RefreshScheduler<string>({
      intervalMs: options.refreshIntervalMs,
      jitterRatio: options.refreshJitterRatio,
      backoffInitialMs: options.backoffInitialMs,
      backoffMaxMs: options.backoffMaxMs,
      // Requests are read at each check: records added after the boot
      // (a lazily loaded module) are checked too.
      check: (key) =>
        key === REFRESH_ALL_KEY
          ? round.run(store.requests(), true)
          : round.run(optional(store.request(key)), false),
      onCheckError: (key, error) =>
        logger.error(refreshCheckCrashedMessage(key, nameOf(error))),
      onSettled: (settled) => this.settled.next(settled),
    });
    this.scheduler.start(
      shared ? [REFRESH_ALL_KEY] : requests.map((r) => r.key),
    );
    logger.log(
      refreshStartedMessage({
        mode: this.deps.detectionMode ?? options.refreshMode,
        secrets: requests.length,
        intervalMs: options.refreshIntervalMs,
        watched: this.watchedName(),
      }),
    );
    this.watchSource();
  }

  /**
   * Starts checking a record registered after the boot (by a lazily loaded
   * module). In `list` mode the shared check already covers every record.
   */
  track(requestKey: string): void {
    if (this.deps.options.refreshMode === 'list') return;
    this.scheduler?.add(requestKey);
  }

  /** Clears every timer and stops watching; running checks finish. */
  onApplicationShutdown(): void {
    this.scheduler?.stop();
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.settleTimer);
    this.settled.complete();
  }

  /**
   * Runs every background check now (each then waits a full interval
   * again); with `refreshMode: 'off'`, re-reads every secret. For tests
   * and admin endpoints.
   */
  async checkNow(): Promise<void> {
    const scheduler = this.scheduler;
    if (!scheduler) {
      await this.syncAll();
      return;
    }
    const keys =
      this.deps.options.refreshMode === 'list'
        ? [REFRESH_ALL_KEY]
        : this.deps.store.requests().map((r) => r.key);
    await Promise.all(keys.map((key) => scheduler.runNow(key)));
  }

  /**
   * Reads the current version of one record now and swaps it in if new
   * and valid. Single flight per record, and rate-limited: calls within
   * `minRefreshIntervalMs` of the last one share its outcome; with
   * `force`, see `LimiterRunOptions.force`. Rejects with a `SecretsError`
   * when the read fails or the version is refused.
   */
  refresh(
    request: SecretRequest,
    options: LimiterRunOptions = {},
  ): Promise<SecretRefreshOutcome> {
    const read = async () => {
      const result = await this.deps.sync.sync(request);
      if (result.status === 'failed' || result.status === 'refused') {
        throw result.error;
      }
      return { versionChanged: result.status === 'rotated' };
    };
    return this.limiter.run(request.key, read, options);
  }

  private watchedName(): string | undefined {
    const { source, watchedFile } = this.deps;
    if (!source.watch) return undefined;
    return watchedFile
      ? `the local file ${watchedFile}`
      : `the ${source.name} source`;
  }

  private watchSource(): void {
    const { source, logger, watchedFile } = this.deps;
    if (!source.watch) return;
    this.unwatch = source.watch(() => {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        logger.debug(localFileChangedMessage(watchedFile ?? source.name));
        void this.syncAll();
      }, WATCH_SETTLE_MS);
      this.settleTimer.unref?.();
    });
  }

  private async syncAll(): Promise<void> {
    const { store, sync } = this.deps;
    await Promise.all(store.requests().map((r) => sync.sync(r)));
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** A list of the value, or an empty one: a record removed since. */
function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
