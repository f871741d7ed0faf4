/** Secret id of the database credentials, in the RDS rotation JSON shape. */
export const DATABASE_SECRET_ID = 'sample-app/database';

/** Secret id of the partner API key, a plain string. */
export const PARTNER_API_KEY_SECRET_ID = 'sample-app/partner-api-key';
