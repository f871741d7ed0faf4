import { describe, expect, it, vi } from 'vitest';
import {
  withSecretRetry,
  type SecretRetryHost,
} from '../../../lib/retry/with-secret-retry.js';

class DbSecret {
  password = 'old';
}

const AUTH = Object.assign(new Error('password authentication failed'), {
  code: '28P01',
});

function host(options: {
  rotateTo?: string;
  refreshFails?: boolean;
  rotatedMeanwhile?: boolean;
}) {
  const live = new DbSecret();
  let versionId = 'v1';
  const refresh = vi.fn(async () => {
    if (options.refreshFails) throw new Error('throttled');
    if (!options.rotateTo) return { versionChanged: false };
    live.password = options.rotateTo;
    versionId = 'v2';
    return { versionChanged: true };
  });
  const secrets: SecretRetryHost<typeof DbSecret, DbSecret> = {
    get: () => live,
    refresh,
    metadata: () => ({ versionId }),
  };
  const rotateNow = () => {
    live.password = 'new';
    versionId = 'v2';
  };
  return { secrets, refresh, rotateNow };
}

describe('withSecretRetry', () => {
  it('returns the first result without refreshing', async () => {
    const { secrets, refresh } = host({});

    const out = await withSecretRetry(secrets, DbSecret, (db) => db.password);

    expect(out).toBe('old');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes once and retries with the new value after an auth failure', async () => {
    const { secrets, refresh } = host({ rotateTo: 'new' });
    const callback = vi.fn(async (db: DbSecret) => {
      if (db.password === 'old') throw AUTH;
      return `connected with ${db.password}`;
    });

    await expect(withSecretRetry(secrets, DbSecret, callback)).resolves.toBe(
      'connected with new',
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('rethrows the original error when the version did not change', async () => {
    const { secrets } = host({});
    const callback = vi.fn(async () => {
      throw AUTH;
    });

    await expect(withSecretRetry(secrets, DbSecret, callback)).rejects.toBe(
      AUTH,
    );
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('retries once only, even if the retry fails with an auth error', async () => {
    const { secrets, refresh } = host({ rotateTo: 'still-wrong' });
    const callback = vi.fn(async () => {
      throw AUTH;
    });

    await expect(withSecretRetry(secrets, DbSecret, callback)).rejects.toBe(
      AUTH,
    );
    expect(callback).toHaveBeenCalledTimes(2);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for other errors', async () => {
    const { secrets, refresh } = host({ rotateTo: 'new' });
    const other = Object.assign(new Error('too many clients'), {
      code: '53300',
    });

    await expect(
      withSecretRetry(secrets, DbSecret, () => {
        throw other;
      }),
    ).rejects.toBe(other);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('rethrows the original error when the refresh fails', async () => {
    const { secrets } = host({ refreshFails: true });

    await expect(
      withSecretRetry(secrets, DbSecret, () => Promise.reject(AUTH)),
    ).rejects.toBe(AUTH);
  });

  it('retries when the background refresh rotated meanwhile', async () => {
    const { secrets, rotateNow } = host({});
    const callback = vi.fn(async (db: DbSecret) => {
      if (db.password === 'old') {
        rotateNow();
        throw AUTH;
      }
      return db.password;
    });

    await expect(withSecretRetry(secrets, DbSecret, callback)).resolves.toBe(
      'new',
    );
  });

  it('uses the classifier of the call, then of the host', async () => {
    const { secrets, refresh } = host({ rotateTo: 'new' });
    const custom = Object.assign(new Error('custom'), { code: 'MY_AUTH' });
    const callback = (db: DbSecret) =>
      db.password === 'old' ? Promise.reject(custom) : Promise.resolve('ok');

    await expect(
      withSecretRetry(secrets, DbSecret, callback, {
        isAuthFailure: (e) => (e as { code?: string }).code === 'MY_AUTH',
      }),
    ).resolves.toBe('ok');
    expect(refresh).toHaveBeenCalledTimes(1);

    const hostOnly = host({ rotateTo: 'new' });
    const withHostClassifier = {
      ...hostOnly.secrets,
      isAuthFailure: () => false,
    };
    await expect(
      withSecretRetry(withHostClassifier, DbSecret, () => Promise.reject(AUTH)),
    ).rejects.toBe(AUTH);
    expect(hostOnly.refresh).not.toHaveBeenCalled();
  });
});
