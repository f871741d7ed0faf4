import { Injectable, Scope, type LoggerService } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Secret } from '../../../lib/declaration/secret.decorator.js';
import { OnSecretRotated } from '../../../lib/events/on-secret-rotated.decorator.js';
import { SecretEvents } from '../../../lib/events/secret-events.js';
import { SecretEventsExplorer } from '../../../lib/events/secret-events.explorer.js';
import type {
  SecretRotatedEvent,
  SecretRotationEvent,
  SecretRotationEventInput,
} from '../../../lib/events/secret-rotation-event.js';
import { SECRETS_RESOLVED_OPTIONS } from '../../../lib/secrets.constants.js';

@Secret('prod/db')
class DatabaseSecret {
  password!: string;
}

class Undeclared {}

const calls: string[] = [];

@Injectable()
class PoolManager {
  @OnSecretRotated(DatabaseSecret)
  rebuild(event: SecretRotatedEvent) {
    calls.push(`pool:${event.secretId}:${event.versionId}`);
  }

  @OnSecretRotated('prod/redis')
  @OnSecretRotated('prod/cache')
  reconnect(event: SecretRotatedEvent) {
    calls.push(`cache:${event.secretId}`);
  }
}

@Injectable()
class FaultyHandlers {
  @OnSecretRotated('prod/db')
  throwsSync(): void {
    throw new TypeError('sync failure');
  }

  @OnSecretRotated('prod/db')
  async rejects(): Promise<void> {
    throw new RangeError('async failure');
  }

  @OnSecretRotated(Undeclared)
  never(): void {
    calls.push('never');
  }
}

@Injectable({ scope: Scope.REQUEST })
class RequestScoped {
  @OnSecretRotated('prod/db')
  handle(): void {
    calls.push('request-scoped');
  }
}

function logger() {
  return {
    log: vi.fn(),
    error: vi.fn(),
    warn: vi.fn(),
    debug: vi.fn(),
  } satisfies LoggerService;
}

function rotated(secretId: string, versionId = 'v2'): SecretRotationEventInput {
  return {
    type: 'rotated',
    secretId,
    previousVersionId: 'v1',
    versionId,
    at: new Date(0),
  };
}

async function build(
  log: LoggerService,
  providers: unknown[] = [PoolManager],
): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [
      SecretEvents,
      SecretEventsExplorer,
      { provide: SECRETS_RESOLVED_OPTIONS, useValue: { logger: log } },
      ...(providers as never[]),
    ],
  }).compile();
}

async function flush(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

let module: TestingModule | undefined;
afterEach(async () => {
  calls.length = 0;
  await module?.close();
  module = undefined;
});

describe('SecretEventsExplorer', () => {
  it('calls handlers of the rotated secret only, by class or by id', async () => {
    module = await build(logger());
    await module.init();
    const events = module.get(SecretEvents);

    events.emit(rotated('prod/db', 'v7'));
    events.emit(rotated('prod/cache'));
    events.emit(rotated('prod/redis'));
    events.emit(rotated('prod/other'));

    expect(calls).toEqual([
      'pool:prod/db:v7',
      'cache:prod/cache',
      'cache:prod/redis',
    ]);
  });

  it('ignores refused and failed events', async () => {
    module = await build(logger());
    await module.init();
    const events = module.get(SecretEvents);

    events.emit({
      type: 'refused',
      secretId: 'prod/db',
      versionId: 'v3',
      kind: 'invalid',
      at: new Date(),
    });
    events.emit({
      type: 'failed',
      secretId: 'prod/db',
      kind: 'throttled',
      code: 'ThrottlingException',
      at: new Date(),
    });

    expect(calls).toEqual([]);
  });

  it('logs a throwing handler and keeps the others and the stream going', async () => {
    const log = logger();
    module = await build(log, [FaultyHandlers, PoolManager]);
    await module.init();
    const events = module.get(SecretEvents);
    const seen: SecretRotationEvent[] = [];
    events.events$.subscribe((event) => seen.push(event));

    events.emit(rotated('prod/db', 'v2'));
    events.emit(rotated('prod/db', 'v3'));
    await flush();

    expect(calls).toEqual(['pool:prod/db:v2', 'pool:prod/db:v3']);
    expect(seen).toHaveLength(2);
    const errors = log.error.mock.calls.map(([message]) => String(message));
    expect(errors).toHaveLength(4);
    expect(errors.filter((m) => m.includes('TypeError'))).toHaveLength(2);
    expect(errors.filter((m) => m.includes('RangeError'))).toHaveLength(2);
    expect(errors.join('\n')).not.toMatch(/sync failure|async failure/);
    expect(errors[0]).toContain('FaultyHandlers.throwsSync');
  });

  it('warns about a target class without @Secret and does not bind it', async () => {
    const log = logger();
    module = await build(log, [FaultyHandlers]);
    await module.init();

    module.get(SecretEvents).emit(rotated('Undeclared'));

    expect(calls).toEqual([]);
    expect(String(log.warn.mock.calls[0]?.[0])).toContain('Undeclared');
  });

  it('binds handlers at init, not at compile', async () => {
    module = await build(logger());
    const events = module.get(SecretEvents);

    events.emit(rotated('prod/db', 'early'));
    expect(calls).toEqual([]);

    await module.init();
    events.emit(rotated('prod/db', 'late'));
    expect(calls).toEqual(['pool:prod/db:late']);
  });

  it('skips request-scoped providers', async () => {
    module = await build(logger(), [RequestScoped, PoolManager]);
    await module.init();

    module.get(SecretEvents).emit(rotated('prod/db'));

    expect(calls).toEqual(['pool:prod/db:v2']);
  });

  it('stops delivering after the module closes', async () => {
    const closing = await build(logger());
    await closing.init();
    const events = closing.get(SecretEvents);
    let completed = false;
    events.events$.subscribe({ complete: () => (completed = true) });

    await closing.close();
    events.emit(rotated('prod/db'));

    expect(calls).toEqual([]);
    expect(completed).toBe(true);
  });
});

describe('SecretEvents', () => {
  it('hands out frozen copies of events', () => {
    const events = new SecretEvents();
    const seen: SecretRotationEvent[] = [];
    events.events$.subscribe((event) => seen.push(event));
    const original = rotated('prod/db');

    events.emit(original);

    // A hand-made event gets the key of its id at AWSCURRENT.
    expect(seen[0]).toEqual({
      ...original,
      key: 'prod/db|stage:AWSCURRENT',
      versionStage: 'AWSCURRENT',
    });
    expect(seen[0]).not.toBe(original);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('rotated$ carries rotations only', () => {
    const events = new SecretEvents();
    const seen: string[] = [];
    events.rotated$.subscribe((event) => seen.push(event.versionId));

    events.emit({
      type: 'failed',
      secretId: 'x',
      kind: 'network',
      at: new Date(),
    });
    events.emit(rotated('x', 'v5'));

    expect(seen).toEqual(['v5']);
  });
});
