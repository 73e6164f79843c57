import type { NewFile } from './write-new-files.ts';

/** `faultline init`: a config, a commented scenario that passes as shipped, and the schema for editors. */
export function starterFiles(schemaJson: string): NewFile[] {
  return [
    { path: 'faultline.config.ts', text: CONFIG },
    { path: 'scenarios/first-scenario.yaml', text: SCENARIO },
    { path: 'scenarios/scenario.schema.json', text: schemaJson },
  ];
}

const CONFIG = `import { defineConfig } from 'faultline';

// faultline reads this file from the folder it runs in; every setting can be overridden by a flag.
export default defineConfig({
  // What \`faultline run\` runs when given no files: folders, files or globs.
  scenarios: ['scenarios'],
  // Where results are written; reporter outputs must stay inside it.
  outDir: 'faultline-results',
  // console: summary on the terminal; json: one result per scenario (for \`faultline replay\`);
  // html: one self-contained report. Add 'junit', 'markdown' or 'github' in CI.
  reporters: ['console', 'json', 'html'],
});
`;

const SCENARIO = `# yaml-language-server: $schema=./scenario.schema.json
#
# Your first scenario: the argument-analysis API (the built-in in-process mock, no server needed)
# answers normally for a minute, then refuses every connection for a minute, then recovers.
# The policies below should keep every client answered: the breaker stops calling the dead backend,
# the fallback answers instead, and after recovery full service returns.
#
# Run it:   npx faultline run scenarios/first-scenario.yaml
# Then try: remove the fallback, or the breaker, and watch which hypotheses fail and why.
name: first-scenario
description: One-minute outage; breaker and fallback keep clients answered.
seed: 1

backends:
  primary:
    plugin: mock-analysis
    options:
      latency: { type: lognormal, medianMs: 150, sigma: 0.3 }

policies:
  fallback:
    value: { degraded: true, note: analysis temporarily unavailable }
  retry: { maxAttempts: 2, backoff: { type: exponential, initialDelay: 100ms, maxDelay: 1s } }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 5 } }
  timeout: { after: 1s }

# Open workload: 20 requests per second arrive whatever the responses do.
workload:
  model: open
  rate: 20
  duration: 3m

phases:
  - { name: healthy, from: 0s, to: 1m }
  - name: outage
    from: 1m
    to: 2m
    faults:
      - { kind: network, error: refused }
  - { name: recovery, from: 2m }

# The verdict: every hypothesis must hold. Shorthand strings or objects.
hypotheses:
  - availability >= 0.99
  - name: breaker spares the dead backend
    metric: backendCallsPerRequest
    op: "<="
    value: 0.3
    phase: outage
  # The breaker probes 10 s after opening, so full service returns within 10 s of the backend.
  - successRate >= 0.95 in recovery
`;
