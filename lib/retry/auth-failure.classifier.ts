import type { AuthFailureClassifier } from '../options/secrets-module-options.interface.js';

// PostgreSQL: 28P01 invalid_password; 28000 invalid_authorization_
// specification, which RDS Proxy and PgBouncer answer instead.
const POSTGRES_CODES: ReadonlySet<string> = new Set(['28P01', '28000']);
// MySQL/MariaDB 1045 (mysql2: errno 1045, code ER_ACCESS_DENIED_ERROR).
const MYSQL_ERRNO = 1045;
const MYSQL_CODE = 'ER_ACCESS_DENIED_ERROR';
// SQL Server 18456 "Login failed for user" (tedious and mssql: `number`).
const SQL_SERVER_NUMBER = 18456;
// Oracle ORA-01017 invalid username/password (oracledb: errorNum 1017).
const ORACLE_ERROR_NUM = 1017;
const ORACLE_CODE = 'ORA-01017';
// Redis 6 ACL and legacy AUTH replies (ioredis ReplyError, node-redis).
const REDIS_REPLY = /^(WRONGPASS|NOAUTH)\b/;

// Drivers wrap errors several layers deep (mssql's originalError, pg-pool,
// AggregateError from happy-eyeballs connects); bound the walk.
const MAX_DEPTH = 5;

/**
 * The default `isAuthFailure`: whether an error thrown by a database or
 * cache client means the credentials were rejected. Covers PostgreSQL
 * 28P01/28000 (`code`), MySQL 1045 (`errno`, or `code`
 * `ER_ACCESS_DENIED_ERROR`), SQL Server 18456 (`number` or `code`), Oracle
 * 1017, and Redis `WRONGPASS`/`NOAUTH` replies; looks through `cause`,
 * `originalError` and `AggregateError#errors`.
 */
export const isAuthFailure: AuthFailureClassifier = (error) =>
  matches(error, 0, new Set());

function matches(error: unknown, depth: number, seen: Set<object>): boolean {
  if (typeof error !== 'object' || error === null || seen.has(error)) {
    return false;
  }
  seen.add(error);
  if (isAuthError(error as Record<string, unknown>)) return true;
  if (depth >= MAX_DEPTH) return false;

  return nestedErrors(error as Record<string, unknown>).some((inner) =>
    matches(inner, depth + 1, seen),
  );
}

function isAuthError(error: Record<string, unknown>): boolean {
  const { code, errno, number, errorNum, message } = error;
  if (typeof code === 'string' && POSTGRES_CODES.has(code)) return true;
  if (code === MYSQL_CODE || code === ORACLE_CODE) return true;
  if (errno === MYSQL_ERRNO || errorNum === ORACLE_ERROR_NUM) return true;
  if (number === SQL_SERVER_NUMBER || isNumber(code, SQL_SERVER_NUMBER)) {
    return true;
  }
  return typeof message === 'string' && REDIS_REPLY.test(message);
}

function isNumber(value: unknown, expected: number): boolean {
  return value === expected || value === String(expected);
}

function nestedErrors(error: Record<string, unknown>): unknown[] {
  const nested = [error.cause, error.originalError];
  if (Array.isArray(error.errors)) nested.push(...error.errors);
  return nested;
}
