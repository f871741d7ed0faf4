import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { Secret, type SecretClass } from 'nest-aws-secrets';

/** Fields of a generated RDS secret class, as the app reads them. */
export interface RdsSecretFields {
  engine: string;
  host: string;
  port: number;
  username: string;
  password: string;
  dbname?: string;
  dbInstanceIdentifier?: string;
}

const ENGINES = ['postgres', 'mysql', 'mariadb', 'aurora-postgresql'];

/**
 * A new validated config class bound to `secretId`. Each call defines a
 * distinct class, so its decorators (`@Secret` and class-validator's) run
 * at run time, as N hand-written classes would at import.
 */
export function rdsSecretClass(
  secretId: string,
  index: number,
): SecretClass<RdsSecretFields> {
  @Secret(secretId)
  class RdsSecret implements RdsSecretFields {
    @IsIn(ENGINES)
    engine: string;

    @IsString()
    @IsNotEmpty()
    host: string;

    @IsInt()
    @Min(1)
    @Max(65535)
    port: number;

    @IsString()
    @IsNotEmpty()
    username: string;

    @IsString()
    @IsNotEmpty()
    password: string;

    @IsOptional()
    @IsString()
    dbname?: string;

    @IsOptional()
    @IsString()
    dbInstanceIdentifier?: string;
  }
  // Distinct names keep Nest's diagnostics readable.
  Object.defineProperty(RdsSecret, 'name', { value: `RdsSecret${index}` });
  return RdsSecret;
}

/**
 * Classes for a growing list of ids, generated on first use. class-validator
 * keeps every decorated class in one global store that each validation
 * searches, so a run that grows N step by step holds, at each step, the
 * classes an app of that size would hold, and no more.
 */
export class RdsClassPool {
  private readonly classes: SecretClass<RdsSecretFields>[] = [];

  constructor(private readonly ids: readonly string[]) {}

  /** The classes of the first `count` ids. */
  first(count: number): SecretClass<RdsSecretFields>[] {
    for (let i = this.classes.length; i < count; i++) {
      this.classes.push(rdsSecretClass(this.ids[i], i));
    }
    return this.classes.slice(0, count);
  }
}

/** One generated class per id. */
export function rdsSecretClasses(
  ids: readonly string[],
): SecretClass<RdsSecretFields>[] {
  return ids.map((id, index) => rdsSecretClass(id, index));
}
