import { IsInt, IsNotEmpty, IsString } from 'class-validator';
import { Secret, type SecretClass } from 'nest-aws-secrets';

/** Fields of the database secret most scenario and refresh tests read. */
export interface DbFields {
  username: string;
  password: string;
  port: number;
}

/** A database config class bound to the secret `id`. */
export function dbSecretClass(id: string): SecretClass<DbFields> {
  @Secret(id)
  class DbSecret implements DbFields {
    @IsString()
    @IsNotEmpty()
    username!: string;

    @IsString()
    @IsNotEmpty()
    password!: string;

    @IsInt()
    port!: number;
  }
  return DbSecret;
}

/** A valid value of the database secret. */
export function dbValue(password: string, username = 'app_user'): DbFields {
  return { username, password, port: 5432 };
}
