import { Controller, Get } from '@nestjs/common';
import { LoadedSecretsService } from './loaded/loaded-secrets.service.js';
import type { LoadedSecretsView } from './loaded/loaded-secrets.view.js';

/** The sample app's single page: what was loaded, never a value. */
@Controller()
export class AppController {
  constructor(private readonly loaded: LoadedSecretsService) {}

  /** Secret names, version ids, fetch times and non-secret fields. */
  @Get()
  index(): LoadedSecretsView {
    return this.loaded.view();
  }
}
