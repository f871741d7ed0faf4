import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsInt,
  IsNumber,
  IsString,
  ValidateNested,
} from 'class-validator';
import {
  Secret,
  SecretsBootError,
  SecretsModule,
  SecretsService,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, putValue, uniqueSecretName } from '../support/aws.js';
import { bootModule } from './support/boot.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

class Replica {
  @IsString() host!: string;
  @IsInt() port!: number;
}

function typedClass(id: string) {
  @Secret(id)
  class TypedSecret {
    @IsInt() port!: number;
    @IsNumber() ratio!: number;
    @IsBoolean() ssl!: boolean;
    @IsDate() @Type(() => Date) rotatesAt!: Date;
    @ValidateNested() @Type(() => Replica) replica!: Replica;
  }
  return TypedSecret;
}

const stored = (port: string, ssl: boolean | string) => ({
  port,
  ratio: '0.25',
  ssl,
  rotatesAt: '2026-12-31T00:00:00.000Z',
  replica: { host: 'replica.internal', port: '5433' },
});

describe('scenario 21: injected instances carry transformed types', () => {
  it('converts strings to the declared types at boot and after a rotation', async () => {
    const name = uniqueSecretName('s21/typed');
    await createSecret(env.admin, name, stored('5432', true));
    const Typed = typedClass(name);
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Typed],
          logger: false,
        }),
      ],
    });
    env.track(() => app.close());
    const secrets = app.get(SecretsService);
    const typed = secrets.get(Typed);

    expect(typed.port).toBe(5432);
    expect(typed.ratio).toBe(0.25);
    expect(typed.ssl).toBe(true);
    expect(typed.rotatesAt).toBeInstanceOf(Date);
    expect(typed.rotatesAt.getUTCFullYear()).toBe(2026);
    expect(typed.replica).toBeInstanceOf(Replica);
    expect(typed.replica.port).toBe(5433);

    await putValue(env.admin, name, stored('6432', false));
    await secrets.refresh(Typed);

    expect(secrets.get(Typed)).toBe(typed);
    expect(typed.port).toBe(6432);
    expect(typed.ssl).toBe(false);
    expect(secrets.snapshot(Typed).port).toBe(6432);
  });

  it('never turns the string "false" into true', async () => {
    const name = uniqueSecretName('s21/false');
    await createSecret(env.admin, name, stored('5432', 'false'));
    const Typed = typedClass(name);

    const outcome = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Typed],
          logger: false,
        }),
      ],
    }).then(
      ({ app }) => {
        env.track(() => app.close());
        return app.get(Typed).ssl;
      },
      (error: unknown) => error,
    );

    // Either a real false, or a boot error naming "ssl": never a silent
    // true (Boolean("false") under implicit conversion).
    if (outcome instanceof SecretsBootError) {
      expect(outcome.issues.map((i) => i.path)).toEqual(['ssl']);
    } else {
      expect(outcome).toBe(false);
    }
  });
});
