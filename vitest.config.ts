import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // SWC keeps decorator metadata, which Nest's injector and
    // class-transformer read; esbuild would drop it.
    swc.vite({ module: { type: 'es6' } }),
  ],
  resolve: {
    alias: {
      // The subpath first: an alias also matches `<key>/...`.
      'nest-aws-secrets/testing': fileURLToPath(
        new URL('./lib/testing/index.ts', import.meta.url),
      ),
      'nest-aws-secrets/health': fileURLToPath(
        new URL('./lib/health/index.ts', import.meta.url),
      ),
      'nest-aws-secrets': fileURLToPath(
        new URL('./lib/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The AWS SDK warns once per worker that Node 20 support will end; the
    // warning says nothing about this project and buries test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: [
      'default',
      ['json', { outputFile: 'test-artifacts/vitest.json' }],
    ],
  },
});
