/**
 * The shape of a secret value, which decides how its raw value is decoded.
 *
 * - `json`: `SecretString` holding a JSON object (the default).
 * - `string`: `SecretString` taken as is (a PEM key, a URL, an API key).
 * - `binary`: `SecretBinary`, delivered as a `Uint8Array`, byte for byte.
 */
export type SecretShape = 'json' | 'string' | 'binary';

/** A class with a no-argument constructor, used as a secret's type. */
export type SecretClass<T extends object = object> = new () => T;

/**
 * Options of `@Secret(id, options)` and of class-less declarations.
 *
 * `versionStage` and `versionId` are mutually exclusive; when neither is
 * given the secret follows `AWSCURRENT`.
 */
export interface SecretDeclarationOptions {
  /** Version stage to follow. Default: `AWSCURRENT`. */
  versionStage?: string;
  /** Pin one version id instead of following a stage. Default: none. */
  versionId?: string;
  /** How to decode the value. Default: `json`. */
  shape?: SecretShape;
  /**
   * Read only this top-level key of a JSON secret. A non-object value found
   * there is exposed to classes as the property `value`. Default: none.
   */
  key?: string;
  /**
   * Whether a failure of this secret fails the boot and the health check.
   * Default: `true`.
   */
  required?: boolean;
}

/** A class-less declaration, as listed in `secrets` next to classes. */
export interface SecretDescriptor extends SecretDeclarationOptions {
  /** Secret name or full ARN. */
  id: string;
}

/** What `forRoot`, `forRootAsync` and `forFeature` accept in `secrets`. */
export type SecretDeclaration = SecretClass | SecretDescriptor;

/**
 * A fully resolved declaration: one injectable secret. Internal, but
 * exported for custom sources and tests.
 */
export interface SecretDefinition {
  /** Secret name or ARN, as declared. */
  readonly id: string;
  /** Stage followed, or `undefined` when a version id is pinned. */
  readonly versionStage?: string;
  /** Pinned version id, if any. */
  readonly versionId?: string;
  /** Decoding shape. */
  readonly shape: SecretShape;
  /** JSON key read, if any. */
  readonly key?: string;
  /** Whether failures fail the boot and health. */
  readonly required: boolean;
  /** Config class, or `undefined` for `@InjectSecret` declarations. */
  readonly cls?: SecretClass;
  /** The injection token: the class, or `secretToken(...)`. */
  readonly token: SecretClass | string;
  /**
   * Key of the fetch this definition needs: declarations that read the same
   * id at the same stage or version share one fetch.
   */
  readonly requestKey: string;
}

/** One fetch of one secret version, shared by one or more definitions. */
export interface SecretRequest {
  /** Stable key: id plus stage or version id. */
  readonly key: string;
  /** Secret name or ARN. */
  readonly secretId: string;
  /** Stage, when no version id is pinned. */
  readonly versionStage?: string;
  /** Pinned version id. */
  readonly versionId?: string;
}
