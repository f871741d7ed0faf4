import {
  SecretsModule,
  SecretsService,
  type SecretsRefreshMode,
} from 'nest-aws-secrets';
import { describe, expect, it, vi } from 'vitest';
import {
  createSecret,
  promoteToCurrent,
  putPendingValue,
  uniqueSecretName,
} from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootModule, runChecks } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const modes: SecretsRefreshMode[] = ['list', 'describe', 'ttl', 'off'];

describe('scenario 8: AWSPENDING is never served as current', () => {
  it.each(modes)(
    '%s mode: a pending value stays out until AWSCURRENT moves to it',
    async (mode) => {
      // Only Date: refresh() shares results within minRefreshIntervalMs.
      vi.useFakeTimers({ toFake: ['Date'] });
      const [current, pending] = [makeCanary(), makeCanary()];
      const name = uniqueSecretName(`s08/${mode}`);
      const created = await createSecret(env.admin, name, dbValue(current));
      const Db = dbSecretClass(name);
      const { app } = await bootModule({
        imports: [
          SecretsModule.forRoot({
            client: env.client,
            secrets: [Db],
            refreshMode: mode,
            logger: false,
          }),
        ],
      });
      env.track(() => app.close());
      const secrets = app.get(SecretsService);
      const seen: string[] = [];
      secrets.events$.subscribe((event) => seen.push(event.type));

      const pendingVersion = await putPendingValue(
        env.admin,
        name,
        dbValue(pending),
      );
      await runChecks(app);
      await expect(secrets.refresh(Db)).resolves.toEqual({
        versionChanged: false,
      });

      expect(app.get(Db).password).toBe(current);
      expect(secrets.metadata(Db).versionId).toBe(created.versionId);
      expect(seen).toEqual([]);

      await promoteToCurrent(env.admin, name, pendingVersion);
      vi.setSystemTime(Date.now() + 60_000);
      await runChecks(app);
      await secrets.refresh(Db);

      expect(app.get(Db).password).toBe(pending);
      expect(secrets.metadata(Db).versionId).toBe(pendingVersion);
      expect(secrets.metadata(Db).versionStages).toContain('AWSCURRENT');
      expect(seen).toEqual(['rotated']);
    },
  );

  it('serves AWSPENDING only to a declaration that asks for that stage', async () => {
    const [current, pending] = [makeCanary(), makeCanary()];
    const name = uniqueSecretName('s08/asked');
    await createSecret(env.admin, name, dbValue(current));
    await putPendingValue(env.admin, name, pending);
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [
            { id: name, shape: 'json', key: 'password' },
            { id: name, shape: 'string', versionStage: 'AWSPENDING' },
          ],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());
    const secrets = app.get(SecretsService);

    expect(secrets.get<string>(name, { key: 'password' }).value).toBe(current);
    expect(
      secrets.get<string>(name, { versionStage: 'AWSPENDING' }).value,
    ).toBe(pending);
  });
});
