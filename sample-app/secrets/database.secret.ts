import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { Secret } from 'nest-aws-secrets';
import { DATABASE_SECRET_ID } from './secret-ids.js';

/** Engines the RDS rotation functions write into the `engine` field. */
const RDS_ENGINES = [
  'postgres',
  'mysql',
  'mariadb',
  'oracle',
  'sqlserver',
  'aurora-postgresql',
  'aurora-mysql',
];

/**
 * Database credentials in the JSON shape that RDS rotation reads and writes.
 * The class is its own injection token; fields always hold the version in
 * service, so read them when you connect rather than copying them once.
 */
@Secret(DATABASE_SECRET_ID)
export class DatabaseSecret {
  /** Database engine, as RDS names it. */
  @IsIn(RDS_ENGINES)
  engine: string;

  /** Host name of the database endpoint. */
  @IsString()
  @IsNotEmpty()
  host: string;

  /** TCP port; a string such as `"5432"` is converted to a number. */
  @IsInt()
  @Min(1)
  @Max(65535)
  port: number;

  /** Database user. A username change is a rotation too. */
  @IsString()
  @IsNotEmpty()
  username: string;

  /** Password of `username`. Never shown by the app. */
  @IsString()
  @IsNotEmpty()
  password: string;

  /** Database name; RDS treats it as optional. */
  @IsOptional()
  @IsString()
  dbname?: string;
}
