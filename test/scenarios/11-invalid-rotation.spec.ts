import { SecretsModule, SecretsService } from 'nest-aws-secrets';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
} from '../support/canary.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { bootHttpApp } from './support/health-app.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

describe('scenario 11: a rotation to a value that fails validation', () => {
  it('keeps serving the last valid value and reports it through health and events', async () => {
    const [good, leaked] = [makeCanary({ special: true }), makeCanary()];
    const name = uniqueSecretName('s11/refused');
    const created = await createSecret(env.admin, name, dbValue(good));
    const Db = dbSecretClass(name);
    const { app, logs } = await bootHttpApp({
      imports: [SecretsModule.forRoot({ client: env.client, secrets: [Db] })],
    });
    env.track(() => app.close());
    const secrets = app.get(SecretsService);
    const events: unknown[] = [];
    secrets.events$.subscribe((event) => events.push(event));
    const server = app.getHttpServer();
    await request(server).get('/health').expect(200);

    const bad = await putValue(env.admin, name, {
      username: 'app_user',
      password: leaked,
      port: 'not-a-port',
    });
    const error = await secrets.refresh(Db).catch((e: unknown) => e);
    const res = await request(server).get('/health').expect(200);

    expect(error).toMatchObject({ kind: 'invalid', secretId: name });
    expect(app.get(Db)).toMatchObject({ password: good, port: 5432 });
    expect(events).toEqual([
      {
        type: 'refused',
        secretId: name,
        key: `${name}|stage:AWSCURRENT`,
        versionStage: 'AWSCURRENT',
        versionId: bad,
        kind: 'invalid',
        at: expect.any(Date),
      },
    ]);
    expect(res.body.status).not.toBe('error');
    expect(res.body.details.secrets.status).toBe('degraded');
    expect(res.body.details.secrets.secrets).toEqual([
      expect.objectContaining({
        secretId: name,
        state: 'refused',
        versionId: created.versionId,
        refusedVersionId: bad,
      }),
    ]);
    assertNoCanary(
      [good, leaked],
      { where: 'GET /health body', text: res.text },
      { where: 'events', text: events },
      errorHaystack(error),
      logs.haystacks(),
    );
  });
});
