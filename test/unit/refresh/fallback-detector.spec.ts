import { describe, expect, it, vi } from 'vitest';
import type { SecretRequest } from '../../../lib/declaration/secret-definition.js';
import { toSecretRequest } from '../../../lib/declaration/request-key.js';
import { FallbackDetector } from '../../../lib/refresh/detectors/fallback.detector.js';
import { TtlDetector } from '../../../lib/refresh/detectors/ttl.detector.js';
import type {
  DetectorMode,
  VersionDetection,
  VersionDetections,
  VersionDetector,
} from '../../../lib/refresh/detectors/version-detector.interface.js';

const DENIED = Object.assign(new Error('denied'), {
  name: 'AccessDeniedException',
});

function fake(
  mode: DetectorMode,
  answer: (request: SecretRequest) => VersionDetection,
) {
  const detect = vi.fn(async (requests: readonly SecretRequest[]) => {
    const out: VersionDetections = new Map();
    for (const request of requests) out.set(request.key, answer(request));
    return out;
  });
  return { mode, detect } satisfies VersionDetector;
}

const a = toSecretRequest('a');
const b = toSecretRequest('b');

describe('FallbackDetector', () => {
  it('steps from list to describe once when ListSecrets is denied', async () => {
    const list = fake('list', () => ({ ok: false, error: DENIED }));
    const describe = fake('describe', () => ({ ok: true, versionId: 'd1' }));
    const onFallback = vi.fn();
    const chain = new FallbackDetector({
      mode: 'list',
      list,
      describe,
      ttl: new TtlDetector(),
      onFallback,
    });

    const first = await chain.detect([a, b]);
    await chain.detect([a, b]);

    expect([...first.values()]).toEqual([
      { ok: true, versionId: 'd1' },
      { ok: true, versionId: 'd1' },
    ]);
    expect(chain.mode).toBe('describe');
    expect(list.detect).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls).toEqual([['list', 'describe']]);
  });

  it('keeps listing after other errors, reporting them per key', async () => {
    const throttled = Object.assign(new Error('slow'), {
      name: 'ThrottlingException',
    });
    const list = fake('list', () => ({ ok: false, error: throttled }));
    const chain = new FallbackDetector({
      mode: 'list',
      list,
      describe: fake('describe', () => ({ ok: true })),
      ttl: new TtlDetector(),
    });

    const result = await chain.detect([a]);

    expect(result.get(a.key)).toEqual({ ok: false, error: throttled });
    expect(chain.mode).toBe('list');
  });

  it('describes the secrets a listing did not show', async () => {
    const list = fake('list', (r) =>
      r === a ? { ok: true, versionId: 'l1' } : { ok: true, notListed: true },
    );
    const describe = fake('describe', () => ({ ok: true, versionId: 'd2' }));
    const chain = new FallbackDetector({
      mode: 'list',
      list,
      describe,
      ttl: new TtlDetector(),
    });

    const result = await chain.detect([a, b]);

    expect(result.get(a.key)).toEqual({ ok: true, versionId: 'l1' });
    expect(result.get(b.key)).toEqual({ ok: true, versionId: 'd2' });
    expect(describe.detect).toHaveBeenCalledWith([b]);
  });

  it('moves only the secret whose DescribeSecret is denied to ttl', async () => {
    const describe = fake('describe', (r) =>
      r === a ? { ok: false, error: DENIED } : { ok: true, versionId: 'd1' },
    );
    const onFallback = vi.fn();
    const chain = new FallbackDetector({
      mode: 'describe',
      describe,
      ttl: new TtlDetector(),
      onFallback,
    });

    const first = await chain.detect([a, b]);
    const second = await chain.detect([a, b]);

    expect(first.get(a.key)).toEqual({ ok: true, versionId: undefined });
    expect(second.get(b.key)).toEqual({ ok: true, versionId: 'd1' });
    expect(describe.detect).toHaveBeenLastCalledWith([b]);
    expect(onFallback.mock.calls).toEqual([['describe', 'ttl', 'a']]);
  });

  it('in ttl mode calls no detector', async () => {
    const list = fake('list', () => ({ ok: true }));
    const describe = fake('describe', () => ({ ok: true }));
    const chain = new FallbackDetector({
      mode: 'ttl',
      list,
      describe,
      ttl: new TtlDetector(),
    });

    await chain.detect([a]);

    expect(list.detect).not.toHaveBeenCalled();
    expect(describe.detect).not.toHaveBeenCalled();
  });
});
