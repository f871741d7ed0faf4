import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches } from 'class-validator';
import { Secret, type SecretDeclaration } from 'nest-aws-secrets';
import { createSecret, uniqueSecretName } from './aws.js';

/** Gives the canary to store under `label` (e.g. `notJson`, `wrongType`). */
export type PlantCanary = (label: string) => string;

/**
 * Creates one secret per way a stored value can fail to load (not JSON,
 * truncated JSON, wrong types, missing key, a rule whose message quotes
 * `$value`, wrong shape, a throwing transform), each holding canaries from
 * `plant`, and returns their declarations. Every boot that declares them
 * fails with kinds `not-json`, `invalid` and `wrong-shape`.
 */
export async function declareBrokenSecrets(
  admin: SecretsManagerClient,
  plant: PlantCanary,
): Promise<SecretDeclaration[]> {
  const n = (label: string) => uniqueSecretName(`leak/${label}`);
  const names = {
    notJson: n('not-json'),
    truncated: n('truncated'),
    wrongType: n('wrong-type'),
    missingKey: n('missing-key'),
    rule: n('rule'),
    shape: n('shape'),
    transform: n('transform'),
  };
  await createSecret(admin, names.notJson, `password=${plant('notJson')}`);
  await createSecret(
    admin,
    names.truncated,
    `{"password":${JSON.stringify(plant('truncated'))}`,
  );
  await createSecret(admin, names.wrongType, {
    host: plant('wrongTypeHost'),
    port: plant('wrongType'),
  });
  await createSecret(admin, names.missingKey, { other: plant('missingKey') });
  await createSecret(admin, names.rule, { password: plant('rule') });
  await createSecret(admin, names.shape, plant('shape'));
  await createSecret(admin, names.transform, { token: plant('transform') });

  @Secret(names.notJson)
  class NotJson {
    @IsString() password!: string;
  }
  @Secret(names.truncated)
  class Truncated {
    @IsString() password!: string;
  }
  @Secret(names.wrongType)
  class WrongType {
    @IsInt() host!: number;
    @IsInt() port!: number;
  }
  @Secret(names.missingKey, { key: 'password' })
  class MissingKey {
    @IsString() value!: string;
  }
  @Secret(names.rule)
  class Rule {
    @Matches(/^never$/, { message: 'password $value is not allowed' })
    password!: string;
  }
  @Secret(names.transform)
  class Throws {
    @Transform(({ value }) => {
      throw new Error(`cannot use ${String(value)}`);
    })
    token!: string;
  }
  return [
    NotJson,
    Truncated,
    WrongType,
    MissingKey,
    Rule,
    Throws,
    { id: names.shape, shape: 'binary' },
  ];
}
