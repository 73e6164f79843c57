import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, in process) and `integration` (the packed package installed in a fresh
 * project, real sockets, child processes, a browser). `npm test` runs both; `npm run test:unit` the first.
 * Tests load faultline from its .ts sources: the `faultline-source` export condition makes the plugins'
 * `import … from 'faultline'` resolve there too, so there is one copy of every module. The CLI the
 * tests start is the built one (dist/, built by the global setup), which loads dist/ alone.
 */
// Without vite's 'module' condition: it sends Node to packages' bundler-only ESM builds (@opentelemetry/api's,
// which prom-client loads, has extensionless imports that Node cannot resolve).
const conditions = [
  'faultline-source',
  ...defaultServerConditions.filter((condition) => condition !== 'module'),
];
const INTEGRATION = [
  'test/consumer/**',
  'test/cli/**',
  'test/deploy/**',
  'test/http/**',
  'test/report/reporters/html.test.ts',
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Builds dist/ first: the tests that start the CLI start the built one.
    globalSetup: ['test/build-dist.ts'],
    // vitest's 5 s default fails multi-minute simulations on a loaded machine (and a failed test can leave
    // its virtual clock installed for the next); a hang still fails, later.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.ts` : glob)),
        },
      },
    ],
  },
});
