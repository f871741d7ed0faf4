import { mkdir } from 'node:fs/promises';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { INestApplication } from '@nestjs/common';
import { SecretsService } from 'nest-aws-secrets';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppModule } from '../../sample-app/app.module.js';
import { DatabaseSecret } from '../../sample-app/secrets/database.secret.js';
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
import { assertNoCanary, makeCanary } from '../support/canary.js';
import { clearAwsEnv, stubEnvs } from '../support/env.js';
import { LogCapture } from '../support/log-capture.js';
import { useMotoServer } from '../support/moto-fixture.js';
import { createHttpApp, listenOnLoopback } from '../support/nest-app.js';
import { sampleDatabaseValue } from './support/sample-secrets.js';

const SCREENSHOT = 'test-artifacts/status-page.png';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const canaries = {
  password: makeCanary({ special: true }),
  rotated: makeCanary({ special: true }),
  refused: makeCanary({ special: true }),
  apiKey: makeCanary({ special: true }),
};

const database = sampleDatabaseValue;

let admin: SecretsManagerClient;
let app: INestApplication;
let browser: Browser;
let page: Page;
let baseUrl: string;
const logs = new LogCapture();

const moto = useMotoServer((started) => {
  admin = secretsClient(started.endpoint);
});

beforeAll(async () => {
  clearAwsEnv();
  stubEnvs({ ...awsEnv(moto.endpoint), SECRETS_SOURCE: 'aws' });
  await createSecret(admin, DATABASE_SECRET_ID, database(canaries.password));
  await createSecret(admin, PARTNER_API_KEY_SECRET_ID, canaries.apiKey);

  // Only Date is faked (before boot, so the module's clocks read it): the
  // refused step moves it past minRefreshIntervalMs instead of sleeping.
  vi.useFakeTimers({ toFake: ['Date'] });
  app = await createHttpApp({ imports: [AppModule] }, logs);
  baseUrl = await listenOnLoopback(app);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  admin?.destroy();
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

const card = (secretId: string) => `article[data-secret-id="${secretId}"]`;

/** Waits until the element's text is `expected` (the page updates live). */
async function waitForText(selector: string, expected: string) {
  const exact = new RegExp(
    `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
  );
  await page.locator(selector).filter({ hasText: exact }).waitFor();
}

async function textOf(selector: string): Promise<string> {
  return (await page.textContent(selector)) ?? '';
}

describe('status page in headless Chromium', () => {
  it('shows each secret fresh with its version, then a rotation live', async () => {
    const service = app.get(SecretsService);
    const before = service.metadata(DatabaseSecret).versionId!;

    await page.goto(`${baseUrl}/status`);
    await waitForText('#connection', 'Live');
    await waitForText(`${card(DATABASE_SECRET_ID)} .version`, before);
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .state`)).toBe('fresh');
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .stage`)).toBe(
      'AWSCURRENT',
    );
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .history`)).toBe(
      'no rotation since start',
    );
    expect(await textOf(`${card(PARTNER_API_KEY_SECRET_ID)} .state`)).toBe(
      'fresh',
    );
    const pages = [await page.content()];

    const after = await putValue(
      admin,
      DATABASE_SECRET_ID,
      database(canaries.rotated),
    );
    await expect(service.refresh(DatabaseSecret)).resolves.toEqual({
      versionChanged: true,
    });

    await waitForText(`${card(DATABASE_SECRET_ID)} .version`, after);
    const history = await textOf(`${card(DATABASE_SECRET_ID)} .history li`);
    expect(history).toContain(`${before} → ${after}`);
    expect(await textOf('#events li[data-type="rotated"]')).toContain(
      `rotated ${DATABASE_SECRET_ID}: ${before} → ${after}`,
    );
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .state`)).toBe('fresh');

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    pages.push(await page.content());
    assertNoCanary(canaries, { where: 'status page HTML', text: pages });
  });

  it('shows a refused rotation while the last valid version stays', async () => {
    const service = app.get(SecretsService);
    const served = service.metadata(DatabaseSecret).versionId!;
    const refused = await putValue(
      admin,
      DATABASE_SECRET_ID,
      database(canaries.refused, { port: 'not-a-port' }),
    );
    // Calls within minRefreshIntervalMs (1 s) share the last outcome.
    vi.setSystemTime(Date.now() + 1_000);

    const error = await service
      .refresh(DatabaseSecret)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid' });

    await waitForText(`${card(DATABASE_SECRET_ID)} .state`, 'refused');
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .version`)).toBe(served);
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .refused`)).toBe(refused);
    expect(await textOf(`${card(DATABASE_SECRET_ID)} .error`)).toBe('invalid');
    await page.screenshot({
      path: 'test-artifacts/status-page-refused.png',
      fullPage: true,
    });

    const json = await request(app.getHttpServer())
      .get('/status.json')
      .expect(200);
    const html = await request(app.getHttpServer()).get('/status').expect(200);
    expect(html.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    assertNoCanary(
      canaries,
      { where: 'status page HTML', text: await page.content() },
      { where: 'GET /status.json', text: json.text },
      { where: 'GET /status', text: html.text },
      logs.haystacks(),
    );
  });
});
