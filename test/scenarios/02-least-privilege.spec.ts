import { readFileSync } from 'node:fs';
import { SecretsModule, SecretsService } from 'nest-aws-secrets';
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { assertNoCanary, makeCanary } from '../support/canary.js';
import { bootFailure, bootModule } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

/** The role may call GetSecretValue and nothing else. */
function denyAllButGetSecretValue() {
  for (const action of [
    'BatchGetSecretValue',
    'ListSecrets',
    'DescribeSecret',
  ]) {
    env.proxy.inject(action, { kind: 'access-denied' });
  }
}

describe('scenario 2: a role that may only call GetSecretValue', () => {
  it('boots and follows a rotation in the default mode, naming each denied action once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const [first, second] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('s02/default');
    await createSecret(env.admin, name, dbValue(first));
    const Db = dbSecretClass(name);
    denyAllButGetSecretValue();

    const { app, logs } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Db],
          refreshIntervalMs: 60_000,
          refreshJitterRatio: 0,
        }),
      ],
    });
    env.track(() => app.close());
    expect(app.get(Db).password).toBe(first);

    const versionId = await putValue(env.admin, name, dbValue(second));
    const rotated = firstValueFrom(
      app
        .get(SecretsService)
        .events$.pipe(filter((event) => event.type === 'rotated')),
    );
    await vi.advanceTimersByTimeAsync(60_000);

    expect(await rotated).toMatchObject({ secretId: name, versionId });
    expect(app.get(Db).password).toBe(second);
    const warnings = logs.ofLevel('warn').map((entry) => entry.message);
    for (const action of ['ListSecrets', 'DescribeSecret']) {
      expect(
        warnings.filter((w) =>
          w.includes(`secretsmanager:${action} was denied`),
        ),
      ).toHaveLength(1);
    }
    expect(logs.text()).toContain('BatchGetSecretValue was denied');
    assertNoCanary([first, second], logs.haystacks());
  });

  it('in ttl mode without batching calls nothing but GetSecretValue', async () => {
    const name = uniqueSecretName('s02/ttl');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    const Db = dbSecretClass(name);
    denyAllButGetSecretValue();

    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Db],
          batch: false,
          refreshMode: 'ttl',
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());
    const versionId = await putValue(env.admin, name, dbValue(makeCanary()));
    await app.get(SecretsService).refresh(Db);

    expect(app.get(SecretsService).metadata(Db).versionId).toBe(versionId);
    expect(env.proxy.counts()).toEqual({ GetSecretValue: 2 });
  });

  it('fails the boot naming secretsmanager:GetSecretValue when that is denied too', async () => {
    const name = uniqueSecretName('s02/none');
    await createSecret(env.admin, name, dbValue(makeCanary()));
    denyAllButGetSecretValue();
    env.proxy.inject('GetSecretValue', { kind: 'access-denied' });

    const error = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [dbSecretClass(name)],
          logger: false,
        }),
      ],
    });

    expect(error.issues).toEqual([
      expect.objectContaining({
        secretId: name,
        kind: 'access-denied',
        code: 'AccessDeniedException',
      }),
    ]);
    expect(error.message).toContain(`"${name}"`);
    expect(error.message).toContain('secretsmanager:GetSecretValue');
  });

  it('the README lists the permissions each mode needs', () => {
    const readme = readFileSync(
      new URL('../../README.md', import.meta.url),
      'utf8',
    );
    const section = readme.split('## IAM permissions')[1]?.split('\n## ')[0];

    expect(section).toBeDefined();
    const row = (mode: string) =>
      section!.split('\n').find((line) => line.includes(mode)) ?? '';
    expect(row('`list` mode')).toContain('secretsmanager:ListSecrets');
    expect(row('`describe` mode')).toContain('secretsmanager:DescribeSecret');
    expect(row('`ttl` mode')).toMatch(/secretsmanager:GetSecretValue.*only/);
    expect(section).toContain('secretsmanager:BatchGetSecretValue');
  });
});
