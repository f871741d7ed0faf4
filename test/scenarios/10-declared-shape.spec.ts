import { IsString } from 'class-validator';
import { Secret, SecretsModule, SecretsService } from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import { bootFailure, bootModule } from './support/boot.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBg{kq}hkiG9w0BAQEF\n-----END PRIVATE KEY-----\n';
const URL_VALUE = 'postgres://app:secret@db.internal:5432/app?ssl=true';

describe('scenario 10: the declared shape decides how a value is read', () => {
  it('reads a PEM key and a URL as plain strings, into a ref or a class', async () => {
    const pem = uniqueSecretName('s10/pem');
    const url = uniqueSecretName('s10/url');
    await createSecret(env.admin, pem, PEM);
    await createSecret(env.admin, url, URL_VALUE);
    @Secret(url, { shape: 'string' })
    class DatabaseUrl {
      @IsString() value!: string;
    }

    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [{ id: pem, shape: 'string' }, DatabaseUrl],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());

    expect(app.get(SecretsService).get<string>(pem).value).toBe(PEM);
    expect(app.get(DatabaseUrl).value).toBe(URL_VALUE);
  });

  it('names the expected shape for every mismatch, in one boot error', async () => {
    const pemAsJson = uniqueSecretName('s10/pem-json');
    const binaryAsString = uniqueSecretName('s10/bin-string');
    const stringAsBinary = uniqueSecretName('s10/string-bin');
    await createSecret(env.admin, pemAsJson, PEM);
    await createSecret(env.admin, binaryAsString, new Uint8Array([1, 2, 3]));
    await createSecret(env.admin, stringAsBinary, URL_VALUE);
    @Secret(pemAsJson)
    class KeyAsJson {
      @IsString() key!: string;
    }

    const error = await bootFailure({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [
            KeyAsJson,
            { id: binaryAsString, shape: 'string' },
            { id: stringAsBinary, shape: 'binary' },
          ],
          logger: false,
        }),
      ],
    });

    const byId = new Map(error.issues.map((i) => [i.secretId, i]));
    expect(byId.get(pemAsJson)).toMatchObject({ kind: 'not-json' });
    expect(byId.get(pemAsJson)!.message).toContain('declared as a JSON object');
    expect(byId.get(pemAsJson)!.message).toContain("shape 'string'");
    expect(byId.get(binaryAsString)).toMatchObject({ kind: 'wrong-shape' });
    expect(byId.get(binaryAsString)!.message).toMatch(
      /expected a string \(SecretString\), found a binary/i,
    );
    expect(byId.get(stringAsBinary)).toMatchObject({ kind: 'wrong-shape' });
    expect(byId.get(stringAsBinary)!.message).toMatch(
      /expected binary \(SecretBinary\), found .*string/i,
    );
    expect(error.message).not.toContain('BEGIN PRIVATE KEY');
    expect(error.message).not.toContain('db.internal');
  });
});
