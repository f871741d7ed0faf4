import {
  ConsoleLogger,
  Injectable,
  Logger,
  Module,
  type OnModuleInit,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertNoCanary,
  captureOutput,
  LogCapture,
  makeCanary,
  type OutputCapture,
} from '../../support/canary.js';

describe('LogCapture', () => {
  it('records every level with params serialized deeply', () => {
    const capture = new LogCapture();

    capture.log('loaded', 'Ctx');
    capture.error('failed', 'stack line', 'Ctx');
    capture.warn('slow');
    capture.debug('d');
    capture.verbose('v');
    capture.fatal('f');
    capture.log({ a: { b: { c: { d: 'deep' } } } });

    expect(capture.entries.map((e) => e.level)).toEqual([
      'log',
      'error',
      'warn',
      'debug',
      'verbose',
      'fatal',
      'log',
    ]);
    expect(capture.entries[1]).toMatchObject({
      message: 'failed',
      params: ['stack line', 'Ctx'],
      line: '[error] failed stack line Ctx',
    });
    expect(capture.text()).toContain("d: 'deep'");
    expect(capture.ofLevel('warn')).toHaveLength(1);
  });

  it('labels one haystack per line and forgets on clear()', () => {
    const capture = new LogCapture();
    capture.warn('w');

    expect(capture.haystacks()).toEqual([
      { where: 'log line 1 [warn]', text: '[warn] w' },
    ]);
    capture.clear();
    expect(capture.entries).toEqual([]);
  });

  it("receives a Nest app's Logger calls, so canaries in them are caught", async () => {
    const canary = makeCanary();
    @Injectable()
    class Leaky implements OnModuleInit {
      private readonly logger = new Logger('Leaky');
      onModuleInit() {
        this.logger.debug({ password: canary });
      }
    }
    @Module({ providers: [Leaky] })
    class LeakyModule {}
    const capture = new LogCapture();

    const app = await NestFactory.createApplicationContext(LeakyModule, {
      logger: capture,
    });
    await app.close();
    // NestFactory made the capture Nest's static logger: put the default back.
    Logger.overrideLogger(new ConsoleLogger());

    expect(capture.entries.some((e) => e.params.includes('Leaky'))).toBe(true);
    expect(() => assertNoCanary([canary], capture.haystacks())).toThrow(
      /canary #1 as raw in log line \d+ \[debug\]/,
    );
  });
});

describe('captureOutput', () => {
  let output: OutputCapture | undefined;

  afterEach(() => output?.restore());

  it('records stream writes and console calls, swallowing them', () => {
    output = captureOutput();

    process.stdout.write('out ');
    process.stdout.write(Buffer.from('bytes\n'));
    process.stderr.write('err\n');
    console.log('via %s', 'console');
    console.error('console error');
    output.restore();

    expect(output.stdout()).toBe('out bytes\nvia console\n');
    expect(output.stderr()).toBe('err\nconsole error\n');
  });

  it('catches what Nest’s default console logger prints', () => {
    const canary = makeCanary();
    output = captureOutput();

    new ConsoleLogger('Ctx').error(`bad ${canary}`, 'a stack line');
    output.restore();

    expect(() => assertNoCanary([canary], output!.haystacks())).toThrow(
      /canary #1 as raw in std(out|err)/,
    );
  });

  it('stops recording after restore()', () => {
    output = captureOutput();
    output.restore();
    output.restore();

    console.log('after');

    expect(output.stdout()).toBe('');
  });
});
