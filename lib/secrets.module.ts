import { Module, type DynamicModule } from '@nestjs/common';
import { createSecretProviders } from './declaration/secret-providers.js';
import type { SecretDeclaration } from './declaration/secret-definition.js';
import { SecretsCoreModule } from './secrets-core.module.js';
import type {
  SecretsModuleAsyncOptions,
  SecretsModuleRootOptions,
} from './secrets.module-definition.js';

/**
 * Loads secrets from AWS Secrets Manager (or a local file) before the
 * application boots, validates them into config classes, and makes each
 * class injectable by itself.
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     SecretsModule.forRoot({ secrets: [DatabaseSecret], timeoutMs: 3000 }),
 *   ],
 * })
 * export class AppModule {}
 * ```
 */
@Module({})
export class SecretsModule {
  /** Registers the module with static options and the root secrets. */
  static forRoot(options: SecretsModuleRootOptions = {}): DynamicModule {
    const { providers, exports } = createSecretProviders(options.secrets);
    return {
      module: SecretsModule,
      global: options.isGlobal ?? false,
      imports: [SecretsCoreModule.forRoot(options)],
      providers,
      exports,
    };
  }

  /**
   * Registers the module with options built through DI (`useFactory` with
   * `inject`, `useClass` or `useExisting`). Secret classes are listed in
   * `secrets`, since their tokens must be known when the module is defined.
   */
  static forRootAsync(options: SecretsModuleAsyncOptions): DynamicModule {
    const { providers, exports } = createSecretProviders(options.secrets);
    return {
      module: SecretsModule,
      global: options.isGlobal ?? false,
      imports: [SecretsCoreModule.forRootAsync(options)],
      providers,
      exports,
    };
  }

  /**
   * Registers secrets of a feature module. They are loaded in the same boot
   * batch as the root's, and fail the boot in the same error.
   */
  static forFeature(secrets: SecretDeclaration[]): DynamicModule {
    const { providers, exports } = createSecretProviders(secrets);
    return { module: SecretsModule, providers, exports };
  }
}
