import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
} from '@nestjs/common';
import { SecretsModule, SecretsService } from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { createSecret, uniqueSecretName } from '../support/aws.js';
import { makeCanary } from '../support/canary.js';
import { bootModule } from './support/boot.js';
import { dbSecretClass, dbValue, type DbFields } from '../support/db-secret.js';
import { useScenarioEnv } from './support/scenario-env.js';

const env = useScenarioEnv();

const DB_OPTIONS = 'scenario16:db-options';

/** Shaped like TypeOrmModule.forRootAsync: a factory builds the options. */
@Module({})
class DatabaseModule {
  static forRootAsync(options: {
    inject: InjectionToken[];
    useFactory: (...args: never[]) => unknown;
  }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DB_OPTIONS, ...options }],
      exports: [DB_OPTIONS],
    };
  }
}

describe('scenario 16: nothing reads a secret before it is loaded', () => {
  it("another module's factory gets the loaded, validated value, even from a slow AWS", async () => {
    const password = makeCanary();
    const name = uniqueSecretName('s16/db');
    await createSecret(env.admin, name, { ...dbValue(password), port: '5433' });
    const Db = dbSecretClass(name);
    const seenInFactory: unknown[] = [];
    // AWS answers slowly: a factory run too early would see nothing.
    env.proxy.inject('*', { kind: 'delay', ms: 300 });

    @Injectable()
    class Repository {
      constructor(@Inject(DB_OPTIONS) readonly options: { url: string }) {}
    }
    const { app } = await bootModule({
      imports: [
        SecretsModule.forRoot({
          client: env.client,
          secrets: [Db],
          isGlobal: true,
          logger: false,
        }),
        DatabaseModule.forRootAsync({
          inject: [Db, SecretsService],
          useFactory: (db: DbFields, secrets: SecretsService) => {
            seenInFactory.push(
              db.username,
              db.port,
              secrets.status().map((s) => s.state),
            );
            return { url: `postgres://${db.username}@db:${db.port}` };
          },
        }),
      ],
      providers: [Repository],
    });
    env.track(() => app.close());

    expect(seenInFactory).toEqual(['app_user', 5433, ['fresh']]);
    expect(app.get(Repository).options.url).toBe('postgres://app_user@db:5433');
    expect(app.get(Db).password).toBe(password);
  });
});
