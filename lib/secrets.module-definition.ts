import {
  ConfigurableModuleBuilder,
  type ConfigurableModuleAsyncOptions,
} from '@nestjs/common';
import type { SecretDeclaration } from './declaration/secret-definition.js';
import type { SecretsModuleOptions } from './options/secrets-module-options.interface.js';
import { SECRETS_NAMESPACE } from './secrets.constants.js';

/**
 * Registration settings that shape the module rather than configure it;
 * they never reach the options token.
 */
export interface SecretsModuleExtras {
  /** Config classes and class-less descriptors to load. Default: none. */
  secrets?: SecretDeclaration[];
  /**
   * Make the declared secrets injectable in every module, as
   * `@nestjs/config` does. Default: `false`.
   */
  isGlobal?: boolean;
}

/** Name of the method a `useClass`/`useExisting` options factory implements. */
export const SECRETS_OPTIONS_FACTORY_METHOD = 'createSecretsOptions';

/** Options of `SecretsModule.forRoot`: module options plus extras. */
export type SecretsModuleRootOptions = SecretsModuleOptions &
  SecretsModuleExtras;

/**
 * Options of `SecretsModule.forRootAsync`: `imports`, `inject` and one of
 * `useFactory`, `useClass` or `useExisting`, plus the extras.
 */
export type SecretsModuleAsyncOptions = ConfigurableModuleAsyncOptions<
  SecretsModuleOptions,
  typeof SECRETS_OPTIONS_FACTORY_METHOD
> &
  SecretsModuleExtras;

/** A class that builds the module options, for `useClass`/`useExisting`. */
export interface SecretsOptionsFactory {
  /** Returns the module options, possibly asynchronously. */
  createSecretsOptions(): SecretsModuleOptions | Promise<SecretsModuleOptions>;
}

export const {
  ConfigurableModuleClass: ConfigurableSecretsCoreModule,
  MODULE_OPTIONS_TOKEN: SECRETS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<SecretsModuleOptions>({
  optionsInjectionToken: `${SECRETS_NAMESPACE}:options`,
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName(SECRETS_OPTIONS_FACTORY_METHOD)
  .setExtras<SecretsModuleExtras>(
    { secrets: [], isGlobal: false },
    // The core is always global: every forFeature and the boot gate share
    // it. `isGlobal` applies to the declared secrets (see SecretsModule).
    (definition) => ({ ...definition, global: true }),
  )
  .build();
