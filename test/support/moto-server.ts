// One implementation for tests, the demo and the bench: the launcher is
// compiled into dist with the sample app, so it lives there.
export {
  freePort,
  startMotoServer,
  type MotoServer,
  type MotoServerOptions,
} from '../../sample-app/demo/moto-launcher.js';
