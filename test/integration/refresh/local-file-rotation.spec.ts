import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalFileSecretSource } from '../../../lib/source/local/local-file-source.js';
import { assertNoCanary, makeCanary } from '../../support/canary.js';
import { bootRefreshApp, type RefreshApp } from './support/refresh-app.js';
import { dbSecretClass, dbValue } from '../../support/db-secret.js';

const ID = 'local/db';
let dir: string;
let file: string;
let running: RefreshApp | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-watch-'));
  file = join(dir, 'secrets.local.json');
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

// Editors save by writing a new file and renaming it over the old one.
async function save(content: unknown): Promise<void> {
  const temp = join(dir, `.tmp-${Date.now()}`);
  await writeFile(temp, JSON.stringify(content));
  await rename(temp, file);
}

describe('the local file source: an edit is a rotation', () => {
  it('validates and swaps in an edit, refuses an invalid one, and emits events', async () => {
    const [first, second, leaked] = [makeCanary(), makeCanary(), makeCanary()];
    await save({ [ID]: dbValue(first) });
    const Db = dbSecretClass(ID);
    running = await bootRefreshApp({ localFile: file, secrets: [Db] });
    const app = running;
    const db = app.app.get(Db);
    const v1 = app.secrets.metadata(Db).versionId;

    const rotated = app.next('rotated', ID);
    await save({ [ID]: dbValue(second) });
    const event = await rotated;

    expect(event.previousVersionId).toBe(v1);
    expect(db.password).toBe(second);
    expect(app.secrets.snapshot(Db).password).toBe(second);
    expect(app.secrets.metadata(Db).versionId).toBe(event.versionId);

    const refused = app.next('refused', ID);
    await save({ [ID]: { username: leaked, port: 'x' } });
    expect(await refused).toMatchObject({ kind: 'invalid' });
    expect(db.password).toBe(second);
    expect(app.secrets.status()[0].state).toBe('refused');

    const back = app.next('rotated', ID);
    await save({ [ID]: dbValue(first) });
    expect((await back).versionId).toBe(v1);
    expect(db.password).toBe(first);
    expect(app.secrets.status()[0].state).toBe('fresh');
    assertNoCanary(
      [first, second, leaked],
      { where: 'events', text: app.seen },
      app.logs.haystacks(),
    );
  });

  it('stops watching and clears its timers at shutdown', async () => {
    await save({ [ID]: dbValue(makeCanary()) });
    const watch = vi.spyOn(LocalFileSecretSource.prototype, 'watch');
    const unwatch = vi.fn();
    watch.mockImplementation(() => unwatch);
    const app = await bootRefreshApp({
      localFile: file,
      secrets: [dbSecretClass(ID)],
    });
    expect(watch).toHaveBeenCalledTimes(1);
    expect(app.refresher.running).toBe(true);

    await app.close();

    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(app.refresher.running).toBe(false);
    watch.mockRestore();
  });
});
