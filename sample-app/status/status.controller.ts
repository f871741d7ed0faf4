import {
  Controller,
  Get,
  Header,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { SecretsService } from 'nest-aws-secrets';
import {
  endWith,
  ignoreElements,
  interval,
  map,
  merge,
  share,
  startWith,
  takeUntil,
  type Observable,
} from 'rxjs';
import { loadStatusAssets, STATUS_PAGE_CSP } from './status-page.assets.js';
import { StatusViewService } from './status-view.service.js';
import type { StatusView } from './status.view.js';

/** How often the event stream re-sends the status (ages, stale -> failing). */
const STATUS_TICK_MS = 1_000;

/**
 * The live status page: `GET /status` (HTML), `GET /status.json`, and
 * `GET /status/events` (server-sent events: a `status` event on connect,
 * every second and after each refresh event, plus each `secret-event`).
 * The page holds no data of its own: its script reads the event stream.
 */
@Controller()
export class StatusController {
  private readonly assets = loadStatusAssets();

  constructor(
    private readonly views: StatusViewService,
    private readonly secrets: SecretsService,
  ) {}

  /** The page. */
  @Get('status')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', STATUS_PAGE_CSP)
  @Header('Cache-Control', 'no-store')
  page(): string {
    return this.assets.html;
  }

  /** The page's script. */
  @Get('status/status.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return this.assets.script;
  }

  /** The page's style sheet. */
  @Get('status/status.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  style(): string {
    return this.assets.style;
  }

  /** The status as JSON, for scripts and for browsers without SSE. */
  @Get('status.json')
  @Header('Cache-Control', 'no-store')
  json(): StatusView {
    return this.views.view();
  }

  /** Live updates; the stream ends when the application shuts down. */
  @Sse('status/events')
  events(): Observable<MessageEvent> {
    const events$ = this.secrets.events$.pipe(share());
    // The event stream completes at shutdown; the ticks must stop with it.
    const closed$ = events$.pipe(ignoreElements(), endWith(true));
    const status$ = merge(interval(STATUS_TICK_MS), events$).pipe(
      startWith(undefined),
      map((): MessageEvent => ({ type: 'status', data: this.views.view() })),
    );
    const secretEvents$ = events$.pipe(
      map((event): MessageEvent => ({ type: 'secret-event', data: event })),
    );
    return merge(secretEvents$, status$).pipe(takeUntil(closed$));
  }
}
