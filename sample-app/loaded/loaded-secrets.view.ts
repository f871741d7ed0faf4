/** What `GET /` shows about one loaded secret: metadata, never the value. */
export interface LoadedSecretView {
  /** Secret name, as declared. */
  readonly name: string;
  /** Version id of the value in service (absent if never loaded). */
  readonly versionId?: string;
  /** Stages attached to that version, e.g. `["AWSCURRENT"]`. */
  readonly versionStages: readonly string[];
  /** When that version was fetched, as an ISO 8601 timestamp. */
  readonly fetchedAt?: string;
  /** Fields that are not secret (an allow-list), for JSON secrets. */
  readonly fields?: Readonly<Record<string, string | number | undefined>>;
}

/** The body of `GET /`. */
export interface LoadedSecretsView {
  /** Where the secrets came from: `aws` or `local-file`. */
  readonly source: string;
  /** One entry per declared secret. */
  readonly secrets: readonly LoadedSecretView[];
}
