import 'reflect-metadata';
import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { IsString } from 'class-validator';
import { Secret, SecretsModule, SecretsService } from 'nest-aws-secrets';
import { InMemorySecretSource } from 'nest-aws-secrets/testing';
import { get, type IncomingMessage } from 'node:http';
import { map, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LogCapture } from '../../support/log-capture.js';
import { createHttpApp, listenOnLoopback } from '../../support/nest-app.js';

@Secret('sse/api')
class ApiSecret {
  @IsString() token!: string;
}

@Controller()
class EventsController {
  constructor(private readonly secrets: SecretsService) {}

  @Sse('events')
  events(): Observable<MessageEvent> {
    return this.secrets.events$.pipe(map((event) => ({ data: event })));
  }
}

/**
 * Opens a server-sent-events request and resolves once headers arrive. No
 * keep-alive agent: a pooled idle socket would hold `close()` for the
 * server's keep-alive timeout, which is not what this test is about.
 */
function openStream(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, resolve).once('error', reject);
  });
}

describe('shutdown with a server-sent-events client on events$', () => {
  it('ends the stream and closes the app while the client stays', async () => {
    const source = new InMemorySecretSource({ 'sse/api': { token: 't' } });
    const app = await createHttpApp(
      {
        imports: [
          SecretsModule.forRoot({
            source,
            secrets: [ApiSecret],
            logger: false,
          }),
        ],
        controllers: [EventsController],
      },
      new LogCapture(),
    );
    const base = await listenOnLoopback(app);
    const stream = await openStream(`${base}/events`);
    const ended = new Promise<void>((resolve) => stream.once('end', resolve));
    stream.resume();

    // Before the fix, close() waited for the client, which never leaves.
    await app.close();
    await ended;

    expect(stream.statusCode).toBe(200);
  });
});
