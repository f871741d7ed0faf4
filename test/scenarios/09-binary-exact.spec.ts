import { Injectable } from '@nestjs/common';
import {
  InjectSecret,
  SecretRef,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { bootModule } from './support/boot.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

// Not valid UTF-8: any text decode on the way changes these bytes.
const notUtf8 = new Uint8Array([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x0a]);
// Bytes that read as base64 text: a second decode would yield "hello".
const looksBase64 = new TextEncoder().encode('aGVsbG8=');

describe('scenario 9: binary secrets come through as bytes, exactly', () => {
  it('at boot and after a rotation, with no second decode', async () => {
    const name = uniqueSecretName('s09/binary');
    await createSecret(env.admin, name, notUtf8);

    @Injectable()
    class TlsConsumer {
      constructor(@InjectSecret(name) readonly cert: SecretRef<Uint8Array>) {}
    }
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [{ id: name, shape: 'binary' }],
          logger: false,
        }),
      ],
      providers: [TlsConsumer],
    });
    env.track(() => app.close());
    const { cert } = app.get(TlsConsumer);

    expect(cert.value).toBeInstanceOf(Uint8Array);
    expect([...cert.value]).toEqual([...notUtf8]);

    const versionId = await putValue(env.admin, name, looksBase64);
    await expect(app.get(SecretsService).refresh(name)).resolves.toEqual({
      versionChanged: true,
    });

    expect(cert.versionId).toBe(versionId);
    expect(cert.value).toBeInstanceOf(Uint8Array);
    expect([...cert.value]).toEqual([...looksBase64]);
    expect(Buffer.from(cert.value).toString('latin1')).toBe('aGVsbG8=');
  });
});
