import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Subscription } from 'rxjs';
import { SecretsLogger } from '../logging/secrets-logger.js';
import { SecretStore } from '../store/secret-store.js';
import type { ResolvedSecretsOptions } from '../options/resolved-secrets-options.interface.js';
import { SECRETS_LOGGER_CONTEXT } from '../options/resolve-options.js';
import {
  rotationHandlerFailedMessage,
  rotationHandlerUnboundMessage,
} from '../secrets.messages.js';
import { SECRETS_RESOLVED_OPTIONS } from '../secrets.constants.js';
import { rotationTargetsOf } from './on-secret-rotated.decorator.js';
import { SecretEvents } from './secret-events.js';
import type { SecretRotatedEvent } from './secret-rotation-event.js';
import { describeTarget, eventMatcherOf } from './secret-target.js';

type Handler = (event: SecretRotatedEvent) => unknown;

/**
 * Finds every `@OnSecretRotated` method of the app's providers and
 * controllers in `onModuleInit` (before the first refresh can fire) and
 * subscribes it to the rotations of its secret (see `eventMatcherOf`).
 * Request-scoped and transient providers are skipped: they have no single
 * instance to call.
 */
@Injectable()
export class SecretEventsExplorer implements OnModuleInit, OnModuleDestroy {
  private readonly subscriptions: Subscription[] = [];
  private readonly logger: SecretsLogger;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly events: SecretEvents,
    @Optional()
    @Inject(SECRETS_RESOLVED_OPTIONS)
    options?: Pick<ResolvedSecretsOptions, 'logger'>,
    @Optional() private readonly store?: SecretStore,
  ) {
    this.logger = new SecretsLogger(
      options?.logger ?? new Logger(SECRETS_LOGGER_CONTEXT),
    );
  }

  /** Binds every decorated method. */
  onModuleInit(): void {
    const wrappers = [
      ...this.discovery.getProviders(),
      ...this.discovery.getControllers(),
    ];
    for (const wrapper of wrappers) {
      const instance: unknown = wrapper.instance;
      if (!wrapper.isDependencyTreeStatic() || !isObject(instance)) continue;

      const prototype = Object.getPrototypeOf(instance) as object | null;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        this.bind(instance, name);
      }
    }
  }

  /** Unsubscribes every handler. */
  onModuleDestroy(): void {
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.unsubscribe();
    }
  }

  private bind(instance: object, name: string): void {
    const method = (instance as Record<string, unknown>)[name];
    const handlerName = `${instance.constructor.name}.${name}`;

    // Read when an event arrives: a secret registered late counts too.
    const isDeclared = (key: string) => this.store?.record(key) !== undefined;
    for (const target of rotationTargetsOf(method)) {
      const matches = eventMatcherOf(target, isDeclared);
      if (matches === undefined) {
        this.logger.warn(
          rotationHandlerUnboundMessage(handlerName, describeTarget(target)),
        );
        continue;
      }

      const handler = (method as Handler).bind(instance);
      this.subscriptions.push(
        this.events.rotated$.subscribe((event) => {
          if (matches(event)) {
            this.invoke(handler, handlerName, event);
          }
        }),
      );
    }
  }

  private invoke(
    handler: Handler,
    handlerName: string,
    event: SecretRotatedEvent,
  ): void {
    const fail = (error: unknown) =>
      this.logger.error(
        rotationHandlerFailedMessage(
          handlerName,
          event.secretId,
          nameOf(error),
        ),
      );
    try {
      const result = handler(event);
      if (isThenable(result)) result.then(undefined, fail);
    } catch (error) {
      fail(error);
    }
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    isObject(value) &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

// Only the error's class name is logged: a handler's own error message may
// quote anything, including the secret it just received.
function nameOf(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
