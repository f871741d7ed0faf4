import type {
  RawSecret,
  SecretFetchResult,
  SecretRequest,
  SecretSource,
} from 'nest-aws-secrets';

/**
 * A `SecretSource` that answers from memory at once: booting with it times
 * the module's own work (Nest wiring, decoding, validation, the store)
 * without any network call.
 */
export class InMemorySource implements SecretSource {
  readonly name = 'in-memory';
  private readonly raws = new Map<string, RawSecret>();

  constructor(values: ReadonlyMap<string, string>) {
    for (const [id, secretString] of values) {
      this.raws.set(id, {
        name: id,
        arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`,
        versionId: `v1-${id}`,
        versionStages: ['AWSCURRENT'],
        secretString,
      });
    }
  }

  async fetchMany(
    requests: readonly SecretRequest[],
  ): Promise<Map<string, SecretFetchResult>> {
    const results = new Map<string, SecretFetchResult>();
    for (const request of requests) {
      results.set(request.key, { ok: true, raw: await this.fetchOne(request) });
    }
    return results;
  }

  async fetchOne(request: SecretRequest): Promise<RawSecret> {
    const raw = this.raws.get(request.secretId);
    if (!raw) throw new Error(`no in-memory value for ${request.secretId}`);
    return raw;
  }
}
