import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import { IsString } from 'class-validator';
import {
  OnSecretRotated,
  Secret,
  SecretsModule,
  SecretsService,
  type SecretRotatedEvent,
  type SecretRotationEvent,
} from 'nest-aws-secrets';
import { describe, expect, it } from 'vitest';
import { putValue } from '../../support/aws.js';
import { useMotoServer } from '../../support/moto-fixture.js';
import { compile } from '../boot/support/boot-app.js';
import {
  createSecret,
  motoClient,
  uniqueName,
} from '../boot/support/moto-secrets.js';

const moto = useMotoServer();

describe('rotation handlers of one id declared at two stages', () => {
  it('calls a class handler once, for its own stage; an id handler for AWSCURRENT', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/staged');
    await createSecret(client, name, { host: 'v1' });
    await putValue(client, name, { host: 'v2' });

    @Secret(name)
    class Current {
      @IsString() host!: string;
    }
    @Secret(name, { versionStage: 'AWSPREVIOUS' })
    class Previous {
      @IsString() host!: string;
    }
    const calls: [string, SecretRotatedEvent][] = [];
    @Injectable()
    class Handlers {
      @OnSecretRotated(Current)
      current(event: SecretRotatedEvent) {
        calls.push(['Current', event]);
      }

      @OnSecretRotated(Previous)
      previous(event: SecretRotatedEvent) {
        calls.push(['Previous', event]);
      }

      @OnSecretRotated(name)
      byId(event: SecretRotatedEvent) {
        calls.push(['id', event]);
      }
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [Current, Previous],
        }),
      ],
      providers: [Handlers],
    });
    await module.init();
    const secrets = module.get(SecretsService);
    const events: SecretRotationEvent[] = [];
    secrets.events$.subscribe((event) => events.push(event));
    const before = {
      current: secrets.metadata(Current).versionId,
      previous: secrets.metadata(Previous).versionId,
    };

    const v3 = await putValue(client, name, { host: 'v3' });
    await secrets.refresh(Current);
    await secrets.refresh(Previous);

    expect(calls.map(([handler, e]) => [handler, e.versionStage])).toEqual([
      ['Current', 'AWSCURRENT'],
      ['id', 'AWSCURRENT'],
      ['Previous', 'AWSPREVIOUS'],
    ]);
    expect(calls[0][1]).toMatchObject({
      secretId: name,
      key: `${name}|stage:AWSCURRENT`,
      previousVersionId: before.current,
      versionId: v3,
    });
    expect(calls[2][1]).toMatchObject({
      key: `${name}|stage:AWSPREVIOUS`,
      previousVersionId: before.previous,
      versionId: before.current,
    });
    expect(events.map((e) => e.key)).toEqual([
      `${name}|stage:AWSCURRENT`,
      `${name}|stage:AWSPREVIOUS`,
    ]);
    await module.close();
  });

  it('binds an id declared only at another stage to that stage', async () => {
    const client = motoClient(moto.endpoint);
    const name = uniqueName('prod/only-previous');
    await createSecret(client, name, { host: 'v1' });
    await putValue(client, name, { host: 'v2' });

    @Secret(name, { versionStage: 'AWSPREVIOUS' })
    class Previous {
      @IsString() host!: string;
    }
    const stages: (string | undefined)[] = [];
    @Injectable()
    class Handlers {
      @OnSecretRotated(name)
      byId(event: SecretRotatedEvent) {
        stages.push(event.versionStage);
      }
    }
    const module = await compile({
      imports: [
        SecretsModule.forRoot({
          client,
          refreshMode: 'off',
          secrets: [Previous],
        }),
      ],
      providers: [Handlers],
    });
    await module.init();

    await putValue(client, name, { host: 'v3' });
    await module.get(SecretsService).refresh(Previous);

    expect(stages).toEqual(['AWSPREVIOUS']);
    await module.close();
  });
});
