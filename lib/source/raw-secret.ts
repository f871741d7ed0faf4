/**
 * A secret value as a source returned it, before decoding. Sources never
 * log it; only the decode step reads `secretString` and `secretBinary`.
 */
export interface RawSecret {
  /** Name of the secret. */
  readonly name: string;
  /** ARN of the secret; the local source makes one up. */
  readonly arn: string;
  /** Version id of the value returned. */
  readonly versionId: string;
  /** Stages attached to that version. */
  readonly versionStages: readonly string[];
  /** The value, when stored as a string. */
  readonly secretString?: string;
  /** The value, when stored as binary: bytes exactly as stored. */
  readonly secretBinary?: Uint8Array;
  /** When this version was created, if the source knows. */
  readonly createdAt?: Date;
}
