import type { LoadedSecretsView } from '../loaded/loaded-secrets.view.js';
import { check, type DemoContext } from './demo-step.js';

/** `GET /` of the running app: the raw body and its parsed view. */
export interface LoadedPage {
  readonly body: string;
  readonly view: LoadedSecretsView;
}

/** Calls `GET /` on the running app and records the body for the leak check. */
export async function getLoadedPage(
  ctx: DemoContext,
  baseUrl: string,
): Promise<LoadedPage> {
  const res = await fetch(`${baseUrl}/`);
  const body = await res.text();
  ctx.observed.push(body);
  check(res.status === 200, `GET / answered ${res.status}, expected 200`);
  return { body, view: JSON.parse(body) as LoadedSecretsView };
}

/** The version id `GET /` reports for `secretId`, if listed. */
export function versionShown(
  page: LoadedPage,
  secretId: string,
): string | undefined {
  return page.view.secrets.find((s) => s.name === secretId)?.versionId;
}
