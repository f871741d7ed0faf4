import type { SecretDescriptor } from 'nest-aws-secrets';
import { PARTNER_API_KEY_SECRET_ID } from './secret-ids.js';

/**
 * The partner API key, a plain-string secret declared without a class and
 * injected as a `SecretRef<string>` through `@InjectSecret`.
 */
export const PARTNER_API_KEY_SECRET: SecretDescriptor = {
  id: PARTNER_API_KEY_SECRET_ID,
  shape: 'string',
};
