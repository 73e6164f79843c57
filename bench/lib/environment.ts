import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { wallClockIso } from '../../src/clock/real-clock.ts';
import { FAULTLINE_VERSION } from '../../src/runner/version.ts';

export interface BenchEnvironment {
  readonly startedAt: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly os: string;
    /** 1-minute load average when the run started: a busy machine explains slow, noisy figures. */
    readonly loadAverage: number;
  };
  readonly node: string;
  readonly v8: string;
  readonly faultline: string;
  /** Installed versions of the libraries measured or compared against ("absent" when not installed). */
  readonly packages: Readonly<Record<string, string>>;
}

const MEASURED_PACKAGES = [
  'cockatiel',
  'lru-cache',
  '@sinonjs/fake-timers',
  'hdr-histogram-js',
  'tinybench',
  'opossum',
  'p-retry',
  'msw',
  'nock',
  'undici',
  '@grpc/grpc-js',
  'ws',
] as const;

export function describeEnvironment(): BenchEnvironment {
  const cpu = cpus();
  return {
    startedAt: wallClockIso(),
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      os: `${platform()} ${release()} ${arch()}`,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    node: process.version,
    v8: process.versions.v8,
    faultline: FAULTLINE_VERSION,
    packages: Object.fromEntries(MEASURED_PACKAGES.map((name) => [name, installedVersion(name)])),
  };
}

/** Read from node_modules directly: packages with an `exports` map do not all expose package.json. */
function installedVersion(name: string): string {
  try {
    const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'absent';
  }
}
