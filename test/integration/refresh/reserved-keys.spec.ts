import 'reflect-metadata';
import { IsString } from 'class-validator';
import { inspect } from 'node:util';
import { Secret, SecretsModule, SecretsService } from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { putValue } from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import { CapturingLogger, compile } from '../boot/support/boot-app.js';
import {
  canary,
  createSecret,
  motoClient,
  uniqueName,
} from '../boot/support/moto-secrets.js';

const moto = useMotoServer();

// Written by hand: JSON.stringify of an object literal would not keep an
// own `__proto__` key, and a secret written by another tool may have one.
function storedJson(password: string, extra: string): string {
  return `{"username":"app","password":"${password}",${extra}}`;
}

function everyView(value: object): string[] {
  return [
    JSON.stringify(value),
    JSON.stringify({ nested: value }),
    inspect(value),
    inspect({ nested: value }, { depth: 5 }),
    `${value as never}`,
    String(value),
  ];
}

describe('JSON keys that would defeat redaction', () => {
  it('drops reserved keys with a warning at boot and on rotation; redaction holds', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/reserved');
    const [first, second] = [canary(), canary()];
    await createSecret(
      client,
      name,
      storedJson(
        first,
        '"toJSON":"x","__proto__":{"polluted":"yes"},"constructor":"c","inspect":"i"',
      ),
    );

    @Secret(name)
    class Db {
      @IsString() username!: string;
      @IsString() password!: string;
    }
    const logger = new CapturingLogger();
    const module = await compile(
      {
        imports: [
          SecretsModule.forRoot({
            client,
            logger,
            refreshMode: 'off',
            secrets: [Db],
          }),
        ],
      },
      logger,
    );
    const db = module.get(Db);

    expect(db.password).toBe(first);
    expect(Object.getPrototypeOf(db)).toBe(Db.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const view of everyView(db)) expect(view).not.toContain(first);
    const warning = logger.lines.find((line) =>
      line.includes('reserved JSON key'),
    );
    expect(warning).toContain(`Secret "${name}"`);
    expect(warning).toContain(
      '"toJSON", "__proto__", "constructor", "inspect"',
    );

    await putValue(
      client,
      name,
      storedJson(second, '"toString":"s","valueOf":"v","prototype":"p"'),
    );
    await module.get(SecretsService).refresh(Db);

    expect(db.password).toBe(second);
    for (const view of everyView(db)) expect(view).not.toContain(second);
    expect(typeof db.toString).toBe('function');
    const warnings = logger.lines.filter((line) =>
      line.includes('reserved JSON key'),
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('"toString", "valueOf", "prototype"');
    expect(logger.lines.join('\n')).not.toContain(first);
    expect(logger.lines.join('\n')).not.toContain(second);
    await module.close();
  });
});
