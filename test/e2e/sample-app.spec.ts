import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsBootError } from 'nest-aws-secrets';
import request from 'supertest';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { AppModule } from '../../sample-app/app.module.js';
import type { LoadedSecretsView } from '../../sample-app/loaded/loaded-secrets.view.js';
import { PartnerApiClient } from '../../sample-app/partner/partner-api.client.js';
import {
  DATABASE_SECRET_ID,
  PARTNER_API_KEY_SECRET_ID,
} from '../../sample-app/secrets/secret-ids.js';
import {
  awsEnv,
  createSecret,
  putValue,
  secretsClient,
} from '../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
} from '../support/canary.js';
import { clearAwsEnv, stubEnvs } from '../support/env.js';
import { LogCapture } from '../support/log-capture.js';
import { useMotoServer } from '../support/moto-fixture.js';
import { createHttpApp } from '../support/nest-app.js';
import { sampleDatabaseValue } from './support/sample-secrets.js';

/** Canary values for everything the app must never show. */
type Canaries = { readonly password: string; readonly apiKey: string };

function makeCanaries(): Canaries {
  return {
    password: makeCanary({ special: true }),
    apiKey: makeCanary({ special: true }),
  };
}

const databaseValue = (canaries: Canaries, overrides: object = {}) =>
  sampleDatabaseValue(canaries.password, overrides);

/** Points the app's ConfigService (which reads process.env) somewhere. */
const configure = stubEnvs;

let logs: LogCapture;
let app: INestApplication | undefined;

async function bootSampleApp(): Promise<INestApplication> {
  app = await createHttpApp({ imports: [AppModule] }, logs);
  await app.init();
  return app;
}

async function bootFailure(): Promise<unknown> {
  return bootSampleApp().then(
    () => expect.fail('the sample app booted'),
    (error: unknown) => error,
  );
}

function secretView(body: LoadedSecretsView, name: string) {
  const view = body.secrets.find((secret) => secret.name === name);
  expect(view, `GET / lists ${name}`).toBeDefined();
  return view!;
}

beforeEach(() => {
  logs = new LogCapture();
  clearAwsEnv();
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  vi.unstubAllEnvs();
});

describe('sample app against moto_server', () => {
  let client: SecretsManagerClient;

  const moto = useMotoServer((started) => {
    client = secretsClient(started.endpoint);
  });
  afterAll(() => client?.destroy());

  beforeEach(async () => {
    // The sample app's secret names are fixed, so each test starts empty.
    await moto.reset();
    configure({ ...awsEnv(moto.endpoint), SECRETS_SOURCE: 'aws' });
  });

  it('GET / lists both secrets with their version ids and no value', async () => {
    const canaries = makeCanaries();
    const db = await createSecret(
      client,
      DATABASE_SECRET_ID,
      databaseValue(canaries),
    );
    const apiKey = await createSecret(
      client,
      PARTNER_API_KEY_SECRET_ID,
      canaries.apiKey,
    );

    await bootSampleApp();
    const res = await request(app!.getHttpServer()).get('/').expect(200);

    const body = res.body as LoadedSecretsView;
    expect(body.source).toBe('aws');
    const database = secretView(body, DATABASE_SECRET_ID);
    expect(database.versionId).toBe(db.versionId);
    expect(database.versionStages).toContain('AWSCURRENT');
    expect(Date.parse(database.fetchedAt ?? '')).not.toBeNaN();
    expect(database.fields).toEqual({
      engine: 'postgres',
      host: 'orders-db.example.internal',
      port: 5432,
      dbname: 'orders',
    });
    const key = secretView(body, PARTNER_API_KEY_SECRET_ID);
    expect(key.versionId).toBe(apiKey.versionId);
    expect(key.fields).toBeUndefined();
    assertNoCanary(
      canaries,
      { where: 'GET / body', text: res.text },
      { where: 'GET / headers', text: res.headers },
      logs.haystacks(),
    );
  });

  it('injects the real API key into the feature module that declared it', async () => {
    const canaries = makeCanaries();
    await createSecret(client, DATABASE_SECRET_ID, databaseValue(canaries));
    await createSecret(client, PARTNER_API_KEY_SECRET_ID, canaries.apiKey);

    await bootSampleApp();

    const partner = app!.get(PartnerApiClient);
    expect(partner.requestHeaders()['x-api-key']).toBe(canaries.apiKey);
    assertNoCanary(canaries, logs.haystacks());
  });

  it('refuses to boot on an invalid database secret, naming the secret and fields', async () => {
    const canaries = makeCanaries();
    await createSecret(client, DATABASE_SECRET_ID, databaseValue(canaries));
    await putValue(client, DATABASE_SECRET_ID, {
      ...databaseValue(canaries, { port: 'not-a-number' }),
      password: undefined,
    });
    await createSecret(client, PARTNER_API_KEY_SECRET_ID, canaries.apiKey);

    const error = await bootFailure();

    expect(error).toBeInstanceOf(SecretsBootError);
    const boot = error as SecretsBootError;
    expect(boot.issues.every((i) => i.secretId === DATABASE_SECRET_ID)).toBe(
      true,
    );
    expect(boot.issues.map((i) => i.path).sort()).toEqual(['password', 'port']);
    expect(boot.message).toContain(DATABASE_SECRET_ID);
    expect(boot.message).toMatch(/port/);
    expect(boot.message).toMatch(/password/);
    assertNoCanary(
      { ...canaries, port: 'not-a-number' },
      errorHaystack(error, 'boot error'),
      logs.haystacks(),
    );
  });

  it('reports a missing API key and an invalid database secret in one error', async () => {
    const canaries = makeCanaries();
    await createSecret(
      client,
      DATABASE_SECRET_ID,
      databaseValue(canaries, { engine: 'not-an-engine' }),
    );

    const error = await bootFailure();

    expect(error).toBeInstanceOf(SecretsBootError);
    const issues = (error as SecretsBootError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          secretId: DATABASE_SECRET_ID,
          kind: 'invalid',
          path: 'engine',
        }),
        expect.objectContaining({
          secretId: PARTNER_API_KEY_SECRET_ID,
          kind: 'not-found',
        }),
      ]),
    );
    assertNoCanary(canaries, errorHaystack(error), logs.haystacks());
  });
});

describe('sample app on a local file', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sample-app-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads sample-app/secrets.local.json when nothing is configured', async () => {
    await bootSampleApp();
    const res = await request(app!.getHttpServer()).get('/').expect(200);

    const body = res.body as LoadedSecretsView;
    expect(body.source).toBe('local-file');
    expect(secretView(body, DATABASE_SECRET_ID).fields).toMatchObject({
      host: 'localhost',
      port: 5432,
    });
    expect(secretView(body, PARTNER_API_KEY_SECRET_ID).versionId).toEqual(
      expect.any(String),
    );
    expect(res.text).not.toContain('local-dev-password');
    expect(res.text).not.toContain('local-dev-api-key');
  });

  it('reads SECRETS_FILE and never shows its values', async () => {
    const canaries = makeCanaries();
    const file = join(dir, 'secrets.json');
    await writeFile(
      file,
      JSON.stringify({
        [DATABASE_SECRET_ID]: databaseValue(canaries, { port: '6543' }),
        [PARTNER_API_KEY_SECRET_ID]: canaries.apiKey,
      }),
    );
    configure({ SECRETS_FILE: file });

    await bootSampleApp();
    const res = await request(app!.getHttpServer()).get('/').expect(200);

    const body = res.body as LoadedSecretsView;
    expect(body.source).toBe('local-file');
    // The string "6543" in the file arrives as a number.
    expect(secretView(body, DATABASE_SECRET_ID).fields?.port).toBe(6543);
    expect(app!.get(PartnerApiClient).requestHeaders()['x-api-key']).toBe(
      canaries.apiKey,
    );
    assertNoCanary(
      canaries,
      { where: 'GET / body', text: res.text },
      logs.haystacks(),
    );
  });

  it('refuses to boot on an invalid local file with a readable error', async () => {
    const canaries = makeCanaries();
    const file = join(dir, 'invalid.json');
    const { password: _omitted, ...withoutPassword } = databaseValue(canaries);
    await writeFile(
      file,
      JSON.stringify({
        [DATABASE_SECRET_ID]: withoutPassword,
        [PARTNER_API_KEY_SECRET_ID]: canaries.apiKey,
      }),
    );
    configure({ SECRETS_FILE: file });

    const error = await bootFailure();

    expect(error).toBeInstanceOf(SecretsBootError);
    expect((error as SecretsBootError).issues).toEqual([
      expect.objectContaining({
        secretId: DATABASE_SECRET_ID,
        kind: 'invalid',
        path: 'password',
      }),
    ]);
    assertNoCanary(canaries, errorHaystack(error), logs.haystacks());
  });
});
