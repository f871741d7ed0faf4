import 'reflect-metadata';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { IsString } from 'class-validator';
import {
  Secret,
  SecretsModule,
  SecretsService,
  type SecretClass,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { useMotoServer } from '../../support/moto-fixture.js';
import { CapturingLogger, compile } from './support/boot-app.js';
import {
  createSecret,
  motoClient,
  uniqueName,
} from './support/moto-secrets.js';

const moto = useMotoServer();

/** moto does not enforce IAM: deny BatchGetSecretValue on the client. */
function denyBatch(client: SecretsManagerClient): string[] {
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? '');
      if (context.commandName === 'BatchGetSecretValueCommand') {
        throw Object.assign(
          new Error('User is not authorized to perform BatchGetSecretValue'),
          {
            name: 'AccessDeniedException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          },
        );
      }
      return next(args);
    },
    { step: 'initialize', name: 'denyBatchGetSecretValue' },
  );
  return commands;
}

async function declare(
  client: SecretsManagerClient,
  count: number,
): Promise<{ classes: SecretClass<{ value: string }>[]; names: string[] }> {
  const prefix = uniqueName('scale');
  const names = Array.from({ length: count }, (_, i) => `${prefix}/s${i}`);
  await Promise.all(names.map((n) => createSecret(client, n, { value: n })));
  const classes = names.map((name) => {
    @Secret(name)
    class Item {
      @IsString() value!: string;
    }
    return Item;
  });
  return { classes, names };
}

describe('fetching at boot', () => {
  it('falls back to GetSecretValue per secret when the batch is denied', async () => {
    const client = motoClient(moto.endpoint);
    const commands = denyBatch(client);
    const { classes, names } = await declare(client, 25);
    const logger = new CapturingLogger();

    const module = await compile({
      imports: [SecretsModule.forRoot({ client, secrets: classes, logger })],
    });
    const service = module.get(SecretsService);

    classes.forEach((cls, i) => expect(service.get(cls).value).toBe(names[i]));
    const calls = commands.filter((c) => c !== 'CreateSecretCommand');
    expect(
      calls.filter((c) => c === 'BatchGetSecretValueCommand'),
    ).toHaveLength(2);
    expect(calls.filter((c) => c === 'GetSecretValueCommand')).toHaveLength(25);
    const denied = logger.lines.filter((l) => l.includes('was denied'));
    expect(denied).toHaveLength(1);
    expect(service.stats().apiCalls).toEqual({
      BatchGetSecretValue: 2,
      GetSecretValue: 25,
    });
    await module.close();
  });

  it('boots 100 declared secrets in batches of 20', async () => {
    const client = motoClient(moto.endpoint);
    const { classes, names } = await declare(client, 100);

    const module = await compile({
      imports: [SecretsModule.forRoot({ client, secrets: classes })],
    });
    const service = module.get(SecretsService);

    expect(classes.map((cls) => service.get(cls).value)).toEqual(names);
    expect(service.stats().apiCalls).toEqual({ BatchGetSecretValue: 5 });
    expect(service.status().every((s) => s.state === 'fresh')).toBe(true);
    await module.close();
  });
});
