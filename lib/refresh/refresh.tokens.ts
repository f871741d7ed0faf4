import { SECRETS_NAMESPACE } from '../secrets.constants.js';

/** Token of the collaborators `SecretsRefresher` is built from. */
export const SECRETS_REFRESH_DEPS = `${SECRETS_NAMESPACE}:refresh-deps`;
