import {
  SecretsError,
  SecretsModule,
  SecretsService,
  type SecretErrorKind,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import {
  assertNoCanary,
  errorHaystack,
  makeCanary,
} from '../support/canary.js';
import { bootFailure, bootModule } from './support/boot.js';
import { dbSecretClass, dbValue } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

interface BrokenValue {
  readonly label: string;
  /** Builds the stored value around a canary that must never show. */
  readonly value: (canary: string) => string | object;
  readonly kind: SecretErrorKind;
  /** Text the error must contain: the key at fault, or the shape. */
  readonly names: string;
}

const broken: BrokenValue[] = [
  {
    label: 'password missing',
    value: (c) => ({ username: c, port: 5432 }),
    kind: 'invalid',
    names: 'at "password"',
  },
  {
    label: 'username null',
    value: (c) => ({ username: null, password: c, port: 5432 }),
    kind: 'invalid',
    names: 'at "username"',
  },
  {
    label: 'the JSON literal null',
    value: () => 'null',
    kind: 'not-json',
    names: 'declared as a JSON object',
  },
  {
    label: 'a JSON array',
    value: (c) => JSON.stringify([c]),
    kind: 'not-json',
    names: 'declared as a JSON object',
  },
  {
    label: 'not JSON at all',
    value: (c) => `password=${c}`,
    kind: 'not-json',
    names: 'declared as a JSON object',
  },
];

describe('scenario 6: a JSON secret overwritten with an incomplete shape', () => {
  it.each(broken)(
    'at refresh ($label): a validation error naming the secret and the key, old value kept',
    async ({ value, kind, names }) => {
      const [good, leaked] = [makeCanary(), makeCanary()];
      const name = uniqueSecretName('s06/refresh');
      await createSecret(env.admin, name, dbValue(good));
      const Db = dbSecretClass(name);
      const { app, logs } = await bootModule({
        imports: [SecretsModule.forRoot({ client: env.client, secrets: [Db] })],
      });
      env.track(() => app.close());
      const secrets = app.get(SecretsService);

      await putValue(env.admin, name, value(leaked));
      const error: unknown = await secrets.refresh(Db).catch((e) => e);

      expect(error).toBeInstanceOf(SecretsError);
      expect(error).toMatchObject({ kind, secretId: name });
      expect((error as Error).message).toContain(`"${name}"`);
      expect((error as Error).message).toContain(names);
      expect(app.get(Db).password).toBe(good);
      expect(secrets.status()[0].state).toBe('refused');
      assertNoCanary([good, leaked], errorHaystack(error), logs.haystacks());
    },
  );

  it.each(broken)(
    'at boot ($label): one boot error naming the secret and the key',
    async ({ value, kind, names }) => {
      const leaked = makeCanary();
      const name = uniqueSecretName('s06/boot');
      await createSecret(env.admin, name, value(leaked));

      const error = await bootFailure({
        imports: [
          SecretsModule.forRoot({
            client: env.client,
            secrets: [dbSecretClass(name)],
            logger: false,
          }),
        ],
      });

      expect(error.issues.map((issue) => issue.kind)).toContain(kind);
      expect(error.issues.every((issue) => issue.secretId === name)).toBe(true);
      expect(error.message).toContain(names);
      assertNoCanary([leaked], errorHaystack(error));
    },
  );
});
