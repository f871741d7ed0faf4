import type { DemoStep } from './demo-step.js';
import { bootAppStep } from './steps/boot-app.step.js';
import { createSecretsStep } from './steps/create-secrets.step.js';
import { leakCheckStep } from './steps/leak-check.step.js';
import { refusedBootStep } from './steps/refused-boot.step.js';
import { refusedRotationStep } from './steps/refused-rotation.step.js';
import { rotateDatabaseStep } from './steps/rotate-database.step.js';
import { showLoadedStep } from './steps/show-loaded.step.js';
import { startMotoStep } from './steps/start-moto.step.js';
import { stopAppStep } from './steps/stop-app.step.js';
import { writeInvalidSecretStep } from './steps/write-invalid-secret.step.js';

/**
 * The demo's steps, in order. Steps that need the running app (rotation,
 * health) go between `showLoadedStep` and `stopAppStep`.
 */
export const DEMO_PLAN: readonly DemoStep[] = [
  startMotoStep,
  createSecretsStep,
  bootAppStep,
  showLoadedStep,
  rotateDatabaseStep,
  refusedRotationStep,
  stopAppStep,
  writeInvalidSecretStep,
  refusedBootStep,
  leakCheckStep,
];
