import 'reflect-metadata';
import { createServer, type Server, type Socket } from 'node:net';
import { IsString } from 'class-validator';
import { Secret, SecretsModule } from 'nest-aws-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFailure } from './support/boot-app.js';
import { motoClient } from './support/moto-secrets.js';

// A TCP server that accepts connections and never answers.
let server: Server;
let endpoint: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

@Secret('prod/slow-db')
class SlowDb {
  @IsString() host!: string;
}

describe('a Secrets Manager that never answers', () => {
  it.each([true, false])(
    'fails the boot within timeoutMs, naming the secret (batch %s)',
    async (batch) => {
      const client = motoClient(endpoint);
      const error = await compileFailure({
        imports: [
          SecretsModule.forRoot({
            client,
            batch,
            timeoutMs: 300,
            secrets: [SlowDb, { id: 'prod/slow-key', shape: 'string' }],
          }),
        ],
      });

      expect(error.issues.map((i) => [i.secretId, i.kind])).toEqual([
        ['prod/slow-db', 'timeout'],
        ['prod/slow-key', 'timeout'],
      ]);
      expect(error.message).toContain(
        'Secret "prod/slow-db" could not be read: no answer within 300 ms',
      );
      client.destroy();
    },
  );
});
