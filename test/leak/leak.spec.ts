/**
 * Leak-proofing suite: runs every scenario of the module with canary
 * values and fails if any canary, in any encoded form (JSON, URL, HTML,
 * base64, hex), appears in a log line, stdout or stderr, an error message
 * or stack, an HTTP body, an event, the statistics or the status page.
 */
import 'reflect-metadata';
import { get as httpGet } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Matches } from 'class-validator';
import {
  OnSecretRotated,
  Secret,
  SecretsBootError,
  SecretsModule,
  SecretsService,
  withSecretRetry,
  type SecretRef,
  type SecretRotationEvent,
} from 'nest-aws-secrets';
import { chromium } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HealthModule } from '../../sample-app/health/health.module.js';
import { StatusModule } from '../../sample-app/status/status.module.js';
import {
  createSecret,
  putValue,
  secretsClient,
  uniqueSecretName,
} from '../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
  serializeDeep,
  type LabelledText,
} from '../support/canary.js';
import { declareBrokenSecrets } from '../support/broken-secrets.js';
import type { FaultProxy } from '../support/fault-proxy.js';
import type { Fault } from '../support/fault-rules.js';
import { LogCapture } from '../support/log-capture.js';
import { useProxiedMoto } from '../support/moto-fixture.js';
import { createHttpApp, listenOnLoopback } from '../support/nest-app.js';
import {
  captureOutput,
  type OutputCapture,
} from '../support/output-capture.js';

const MAX_STALENESS_MS = 60_000;

const canaries: Record<string, string> = {};
/** A new canary, with characters that escaping changes, remembered by name. */
function canary(name: string): string {
  const value = makeCanary({ special: true });
  canaries[name] = value;
  return value;
}

const observed: LabelledText[] = [];
function observe(where: string, text: unknown): void {
  observed.push({ where, text });
}
async function observeFailure(where: string, promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.fail(`${where} did not fail`),
    (e: unknown) => e,
  );
  observed.push(errorHaystack(error, `${where} error`));
  observed.push({ where: `${where} String()`, text: String(error) });
  return error;
}

const logs = new LogCapture();
let output: OutputCapture;
let proxy: FaultProxy;
let admin: SecretsManagerClient;
let dir: string;

beforeAll(async () => {
  // Before moto starts, so that nothing written from then on escapes.
  output = captureOutput();
  dir = await mkdtemp(join(tmpdir(), 'leak-suite-'));
});
useProxiedMoto((aws) => ({ proxy, admin } = aws));
afterAll(async () => {
  output.restore();
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

/** Every decode and validation failure, each secret holding a canary. */
const brokenDeclarations = () => declareBrokenSecrets(admin, canary);

describe('boot failures', () => {
  it('reports every decode and validation failure without a value', async () => {
    const secrets = await brokenDeclarations();
    const error = await observeFailure(
      'Test.createTestingModule boot',
      Test.createTestingModule({
        imports: [
          SecretsModule.forRoot({
            client: secretsClient(proxy.endpoint),
            secrets,
            logger: logs,
          }),
        ],
      })
        .setLogger(logs)
        .compile(),
    );

    expect(error).toBeInstanceOf(SecretsBootError);
    const kinds = (error as SecretsBootError).issues.map((i) => i.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['not-json', 'invalid', 'wrong-shape']),
    );
  });

  it('through NestFactory.create, with a broken local file too', async () => {
    const localFile = join(dir, 'broken.json');
    await writeFile(
      localFile,
      `{ "leak/local": "${canary('localFile')}", oops`,
    );
    const secrets = await brokenDeclarations();
    @Module({
      imports: [
        SecretsModule.forRoot({
          localFile,
          secrets: [{ id: 'leak/local', shape: 'string' }],
        }),
      ],
    })
    class LocalModule {}
    @Module({
      imports: [
        SecretsModule.forRoot({
          client: secretsClient(proxy.endpoint),
          secrets,
        }),
      ],
    })
    class AwsModule {}

    for (const module of [AwsModule, LocalModule]) {
      const error = await observeFailure(
        `NestFactory.create(${module.name})`,
        NestFactory.create(module, { abortOnError: false, logger: logs }),
      );
      expect(error).toBeInstanceOf(SecretsBootError);
    }
    expect(logs.text()).toContain('could not be loaded');
  });

  it('logs an optional secret that fails without its value', async () => {
    const name = uniqueSecretName('leak/optional');
    await createSecret(admin, name, { port: canary('optional') });
    @Secret(name, { required: false })
    class Optional {
      @IsInt() port!: number;
    }

    const moduleRef = await Test.createTestingModule({
      imports: [
        SecretsModule.forRoot({
          client: secretsClient(proxy.endpoint),
          secrets: [Optional],
          logger: logs,
          refreshMode: 'off',
        }),
      ],
    })
      .setLogger(logs)
      .compile();
    observe('optional instance', moduleRef.get(Optional));
    await moduleRef.close();

    expect(logs.ofLevel('warn').map((e) => e.message)).toContainEqual(
      expect.stringContaining(name),
    );
  });
});

describe('a running app', () => {
  let app: INestApplication;
  let service: SecretsService;
  let baseUrl: string;
  const events: SecretRotationEvent[] = [];
  const handled: SecretRotationEvent[] = [];
  const names = {
    db: uniqueSecretName('leak/db'),
    apiKey: uniqueSecretName('leak/api-key'),
    cert: uniqueSecretName('leak/cert'),
  };
  const dbValue = (password: string, overrides: object = {}) => ({
    host: 'db.example.internal',
    port: 5432,
    username: 'app',
    password,
    ...overrides,
  });

  @Secret(names.db)
  class DbSecret {
    @IsString() host!: string;
    @IsInt() port!: number;
    @IsString() username!: string;
    @Matches(/^CANARY-/, { message: 'password $value is not allowed' })
    password!: string;
  }
  @Secret(names.db, { key: 'password' })
  class DbPassword {
    @IsString() value!: string;
  }

  @Injectable()
  class PoolRebuilder {
    @OnSecretRotated(DbSecret)
    rebuild(event: SecretRotationEvent): void {
      handled.push(event);
    }
  }

  beforeAll(async () => {
    // Only Date is faked, before boot, so the module's clocks follow it:
    // the suite moves it past minRefreshIntervalMs and maxStalenessMs.
    vi.useFakeTimers({ toFake: ['Date'] });
    await createSecret(admin, names.db, dbValue(canary('db')));
    await createSecret(admin, names.apiKey, canary('apiKey'));
    await createSecret(admin, names.cert, Buffer.from(canary('cert')));

    @Module({
      imports: [
        SecretsModule.forRoot({
          client: secretsClient(proxy.endpoint, { maxAttempts: 1 }),
          secrets: [
            DbSecret,
            DbPassword,
            { id: names.apiKey, shape: 'string' },
            { id: names.cert, shape: 'binary' },
          ],
          maxStalenessMs: MAX_STALENESS_MS,
          logger: logs,
        }),
        HealthModule,
        StatusModule,
      ],
      providers: [PoolRebuilder],
    })
    class AppModule {}

    app = await createHttpApp({ imports: [AppModule] }, logs);
    baseUrl = await listenOnLoopback(app);
    service = app.get(SecretsService);
    service.events$.subscribe((event) => events.push(event));
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Lets the next on-demand refresh run (the limiter is per second). */
  const nextSecond = () => vi.setSystemTime(Date.now() + 1_000);

  async function health(label: string, status: number) {
    const res = await request(app.getHttpServer()).get('/health');
    observe(`GET /health ${label}`, res.text);
    expect(res.status).toBe(status);
    return res.body as { details: { secrets: { secrets: unknown[] } } };
  }

  it('serves the values to code, and shows none in any rendering', () => {
    const db = service.get(DbSecret);
    const apiKey = service.get<string>(names.apiKey) as SecretRef<string>;
    const cert = service.get<Uint8Array>(names.cert) as SecretRef<Uint8Array>;
    // The canaries really are loaded, so the searches below can fail.
    expect(db.password).toBe(canaries.db);
    expect(service.get(DbPassword).value).toBe(canaries.db);
    expect(apiKey.value).toBe(canaries.apiKey);
    expect(Buffer.from(cert.value).toString()).toBe(canaries.cert);

    for (const [label, live] of Object.entries({ db, apiKey, cert })) {
      observe(`inspect(${label})`, inspect(live, { depth: Infinity }));
      observe(`JSON.stringify(${label})`, JSON.stringify(live));
      observe(`String(${label})`, String(live));
      observe(`template(${label})`, `${live as object}`);
    }
    observe('snapshot(DbSecret)', serializeDeep(service.snapshot(DbSecret)));
    observe('metadata', [
      service.metadata(DbSecret),
      service.metadata(names.apiKey),
    ]);
    observe('records()', service.records());
    observe('status()', service.status());
  });

  it('rotates without showing the old or the new value', async () => {
    const before = service.metadata(DbSecret).versionId;
    await putValue(admin, names.db, dbValue(canary('dbRotated')));

    await expect(service.refresh(DbSecret)).resolves.toEqual({
      versionChanged: true,
    });

    expect(service.get(DbSecret).password).toBe(canaries.dbRotated);
    expect(handled).toEqual([
      expect.objectContaining({ type: 'rotated', previousVersionId: before }),
    ]);
    await health('after rotation', 200);
  });

  it('refuses an invalid rotation without showing it', async () => {
    nextSecond();
    await putValue(
      admin,
      names.db,
      dbValue(`not-a-canary ${canary('dbRefused')}`, {
        port: canary('portRefused'),
      }),
    );

    const error = await observeFailure(
      'refused refresh',
      service.refresh(DbSecret),
    );

    expect(error).toMatchObject({ kind: 'invalid' });
    expect(service.get(DbSecret).password).toBe(canaries.dbRotated);
    const body = await health('after refusal', 200);
    expect(body.details.secrets.secrets).toContainEqual(
      expect.objectContaining({ secretId: names.db, state: 'refused' }),
    );
  });

  const faults: [string, Fault][] = [
    ['throttle', { kind: 'throttle' }],
    ['access-denied', { kind: 'access-denied' }],
    ['internal-error', { kind: 'internal-error' }],
    [
      'decryption',
      { kind: 'aws-error', status: 400, type: 'DecryptionFailure' },
    ],
    [
      'marked-for-deletion',
      { kind: 'aws-error', status: 400, type: 'InvalidRequestException' },
    ],
    ['drop', { kind: 'drop' }],
  ];

  it.each(faults)(
    'reports an injected %s without a value',
    async (label, fault) => {
      nextSecond();
      proxy.inject('*', fault);
      try {
        await observeFailure(
          `refresh under ${label}`,
          service.refresh(DbSecret),
        );
        await observeFailure(
          `refresh of the API key under ${label}`,
          service.refresh(names.apiKey),
        );
      } finally {
        proxy.clearFaults();
      }
      await health(`under ${label}`, 200);
    },
  );

  it('answers 503 past maxStalenessMs, then recovers, without a value', async () => {
    proxy.inject('*', { kind: 'internal-error' });
    nextSecond();
    await observeFailure('failing refresh', service.refresh(DbSecret));
    vi.setSystemTime(Date.now() + MAX_STALENESS_MS + 1);
    await health('down', 503);

    proxy.clearFaults();
    // The refused version is still current in AWS: replace it.
    await putValue(admin, names.db, dbValue(canary('dbRecovered')));
    nextSecond();
    await service.refresh(DbSecret);
    await service.refresh(names.apiKey);
    const body = await health('recovered', 200);
    expect(body.details.secrets.secrets).toContainEqual(
      expect.objectContaining({ secretId: names.db, state: 'fresh' }),
    );
  });

  it('fetches dynamic secrets and reports invalid ones without a value', async () => {
    class DynamicDb {
      @IsInt() port!: number;
    }
    await expect(
      service.fetch<string>(names.apiKey, { shape: 'string' }),
    ).resolves.toBe(canaries.apiKey);
    const name = uniqueSecretName('leak/dynamic');
    await createSecret(admin, name, { port: canary('dynamic') });
    await observeFailure(
      'dynamic fetch',
      service.fetch(name, { cls: DynamicDb }),
    );
  });

  it('retries a callback once on an auth failure without a value', async () => {
    let calls = 0;
    // The credentials were rotated, and the app has not noticed yet.
    await putValue(admin, names.db, dbValue(canary('dbRetried')));
    nextSecond();
    const result = await withSecretRetry(service, DbSecret, (db) => {
      calls++;
      if (calls === 1) {
        throw Object.assign(new Error('password authentication failed'), {
          code: '28P01',
        });
      }
      return db.username;
    });
    expect(result).toBe('app');
    expect(calls).toBe(2);
    expect(service.get(DbSecret).password).toBe(canaries.dbRetried);
  });

  it('serves a status page, JSON and events without a value', async () => {
    const server = app.getHttpServer();
    observe('GET /status', (await request(server).get('/status')).text);
    observe(
      'GET /status.json',
      (await request(server).get('/status.json')).text,
    );
    observe(
      'GET /status/events',
      await readEventStream(`${baseUrl}/status/events`),
    );

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/status`);
      await page.waitForSelector(`article[data-secret-id="${names.db}"]`);
      const html = await page.content();
      expect(html).toContain(service.metadata(DbSecret).versionId);
      observe('rendered status page', html);
    } finally {
      await browser.close();
    }
  });

  it('counts without a value', () => {
    const stats = service.stats();
    expect(stats.apiCalls).not.toEqual({});
    expect(Object.keys(stats.failures).length).toBeGreaterThan(0);
    observe('stats()', stats);
    observe('events', events);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['rotated', 'refused', 'failed']),
    );
  });
});

describe('everything captured', () => {
  it('holds no canary in any form', () => {
    output.restore();
    // The captures did capture: the module logged, and the suite saw output.
    expect(logs.entries.length).toBeGreaterThan(20);
    expect(observed.length).toBeGreaterThan(40);
    expect(Object.keys(canaries).length).toBeGreaterThanOrEqual(14);
    assertNoCanary(canaries, observed, logs.haystacks(), output.haystacks());
  });
});

/** Reads a server-sent event stream until it carried one status event. */
function readEventStream(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (/event: status\n(?:id: .*\n)?data: .*\n\n/.test(body)) {
          req.destroy();
          resolve(body);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
