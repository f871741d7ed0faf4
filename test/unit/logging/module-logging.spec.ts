import 'reflect-metadata';
import { Logger, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsModule,
  type RawSecret,
  type SecretSource,
} from 'nest-aws-secrets';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSecretsError } from '../../../lib/errors/create-secrets-error.js';
import { secretFailureMessage } from '../../../lib/secrets.messages.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import { LogCapture } from '../../support/log-capture.js';
import {
  captureOutput,
  type OutputCapture,
} from '../../support/output-capture.js';

const PASSWORD = makeCanary({ special: true });

@Secret('logging/db')
class DbSecret {
  @IsString() password!: string;
}

/** Serves `logging/db`; `logging/optional` fails as AWS's not-found. */
const source: SecretSource = {
  name: 'memory',
  async fetchOne(request) {
    if (request.secretId !== 'logging/db') {
      throw createSecretsError(
        secretFailureMessage('not-found', request.secretId, {
          code: 'ResourceNotFoundException',
        }),
        {
          kind: 'not-found',
          secretId: request.secretId,
          code: 'ResourceNotFoundException',
        },
      );
    }
    const raw: RawSecret = {
      name: 'logging/db',
      arn: 'arn:logging/db',
      versionId: 'v1',
      versionStages: ['AWSCURRENT'],
      secretString: JSON.stringify({ password: PASSWORD }),
    };
    return raw;
  },
  async fetchMany(requests) {
    const results = new Map();
    for (const request of requests) {
      results.set(
        request.key,
        await this.fetchOne(request).then(
          (raw) => ({ ok: true, raw }),
          (error: unknown) => ({ ok: false, error }),
        ),
      );
    }
    return results;
  },
};

const secrets = [
  DbSecret,
  { id: 'logging/optional', shape: 'string' as const, required: false },
];

let output: OutputCapture | undefined;
afterEach(() => {
  output?.restore();
  output = undefined;
  Logger.overrideLogger(false);
  Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
});

async function boot(
  logger: LoggerService | false | undefined,
  appLogger: LoggerService,
) {
  const moduleRef = await Test.createTestingModule({
    imports: [SecretsModule.forRoot({ source, secrets, logger })],
  })
    .setLogger(appLogger)
    .compile();
  await moduleRef.init();
  return moduleRef;
}

describe('module logging', () => {
  it('writes nothing anywhere with logger: false', async () => {
    output = captureOutput();
    const app = new LogCapture();

    const moduleRef = await boot(false, app);
    await moduleRef.close();
    output.restore();

    const ours = app.entries.filter((e) => e.params.includes('SecretsModule'));
    expect(ours).toEqual([]);
    expect(app.text()).not.toContain('logging/');
    expect(output.stdout() + output.stderr()).not.toContain('logging/');
    assertNoCanary([PASSWORD], app.haystacks(), output.haystacks());
  });

  it('sends lifecycle at log and failures at warn with the AWS code to a custom LoggerService', async () => {
    const custom = new LogCapture();
    const app = new LogCapture();

    const moduleRef = await boot(custom, app);
    await moduleRef.close();

    const loaded = custom.ofLevel('log');
    expect(loaded[0].message).toMatch(/^Loaded 2 secret declaration/);
    for (const line of custom.entries) {
      expect(line.params).toEqual(['SecretsModule']);
    }
    const warned = custom.ofLevel('warn');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain('"logging/optional"');
    expect(warned[0].message).toContain('ResourceNotFoundException');
    expect(custom.ofLevel('error')).toEqual([]);
    // The module wrote to its own logger only.
    expect(app.text()).not.toContain('logging/');
    assertNoCanary([PASSWORD], custom.haystacks(), app.haystacks());
  });

  it("writes through Nest's Logger with the SecretsModule context by default", async () => {
    const app = new LogCapture();

    const moduleRef = await boot(undefined, app);
    await moduleRef.close();

    const ours = app.entries.filter((e) => e.params.includes('SecretsModule'));
    expect(ours.map((e) => e.level)).toEqual(['warn', 'log', 'log']);
    expect(ours[0].message).toContain('ResourceNotFoundException');
    expect(ours[1].message).toMatch(/^Loaded 2 secret declaration/);
    assertNoCanary([PASSWORD], app.haystacks());
  });

  it('publishes OpenTelemetry metrics once the module is initialised', async () => {
    const otel = await import('@opentelemetry/api');
    const getMeter = vi.fn((_name: string) => otel.createNoopMeter());
    otel.metrics.setGlobalMeterProvider({ getMeter });
    try {
      const moduleRef = await boot(false, new LogCapture());
      expect(getMeter.mock.calls.map(([name]) => name)).toEqual([
        'nest-aws-secrets',
      ]);
      await moduleRef.close();
    } finally {
      otel.metrics.disable();
    }
  });
});
