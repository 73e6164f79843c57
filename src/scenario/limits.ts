/**
 * Upper bounds on every number, list, map and string a scenario (or config) may hold, from what one
 * machine and the simulation can honour. The schemas cite these constants and the README's generated
 * reference lists them (`LIMITS` below), so a new field takes its bound from here.
 */

const DAY_MS = 86_400_000;

/** A duration anywhere in a scenario: a year of virtual time (the virtual clock has no timer limit). */
export const MAX_DURATION_MS = 366 * DAY_MS;
/** Open-loop arrival rate, requests per second. */
export const MAX_RATE = 1_000_000;
/** A workload's `requests`. */
export const MAX_REQUESTS = 100_000_000;
/** Closed-loop clients, each a concurrent request loop in memory. */
export const MAX_CLIENTS = 10_000;
/** An open loop's in-flight cap. */
export const MAX_IN_FLIGHT = 100_000;
/** Retry attempts, including the first. */
export const MAX_ATTEMPTS = 100;
/** Counters that only count (fail-first count, rate-limit limit, consecutive breaker threshold). */
export const MAX_COUNT = 1_000_000_000;
/** A count breaker's window, kept as one slot per call. */
export const MAX_BREAKER_WINDOW = 100_000;
/** Bulkhead slots and queue places. */
export const MAX_BULKHEAD = 100_000;
/** Cache entries (the LRU allocates its index up front). */
export const MAX_CACHE_ENTRIES = 1_000_000;
/** Phases in one scenario. */
export const MAX_PHASES = 100;
/** Faults in one phase. */
export const MAX_FAULTS_PER_PHASE = 50;
/** Backends in a scenario, and in a failover order or fan-out. */
export const MAX_BACKENDS = 32;
/** Hypotheses in one scenario. */
export const MAX_HYPOTHESES = 200;
/** Entries of a workload mix, routes of a fault, and other short lists. */
export const MAX_LIST = 100;
/** Keys in a plugin's options or in a fallback value, counted over the whole value. */
export const MAX_MAP_KEYS = 1_000;
/** Nesting depth of a plugin's options or a fallback value, and of a scenario file. */
export const MAX_DEPTH = 32;
/** A name (scenario, phase, hypothesis, backend). */
export const MAX_NAME_LENGTH = 200;
/** Any other string (description, path, endpoint, hypothesis text). */
export const MAX_STRING_LENGTH = 4_096;
/** Latency shape parameters: a lognormal's sigma and a Pareto's shape. */
export const MAX_SHAPE = 100;
/** Exponential backoff growth factor, and the zipf exponent. */
export const MAX_EXPONENT = 10;
/** A mix entry's weight. */
export const MAX_WEIGHT = 1_000_000;
/** Config: scenario globs and reporters. */
export const MAX_CONFIG_LIST = 1_000;
/** Backend calls a run may make (requests × attempts × backends per request), estimated before it starts. */
export const MAX_TOTAL_CALLS = 200_000_000;
/** Bytes of a plugin, client, reporter or config module read as code. */
export const MAX_MODULE_BYTES = 8 * 1024 * 1024;

/** A sweep: values one `--vary` may list, and the paths varied at once. */
export const MAX_SWEEP_VALUES = 1_000;
export const MAX_SWEEP_DIMENSIONS = 16;
/** Variants of one sweep (a grid's product, or --samples). */
export const MAX_SWEEP_VARIANTS = 10_000;
/** Seeds each variant runs on (--seeds). */
export const MAX_SWEEP_SEEDS = 1_000;
/** Simulations of one sweep (variants × seeds). */
export const MAX_SWEEP_UNITS = 100_000;
/** Estimated backend calls of a whole sweep (variants × seeds × calls of one run); --force goes past it. */
export const MAX_SWEEP_CALLS = 2_000_000_000;

/** Each limit, its value and what it bounds, for the generated reference. */
export const LIMITS = {
  MAX_DURATION_MS: { value: MAX_DURATION_MS, bounds: 'every duration (366 days)' },
  MAX_RATE: { value: MAX_RATE, bounds: '`workload.rate`, `policies.breaker.strategy.minimumRps`' },
  MAX_REQUESTS: { value: MAX_REQUESTS, bounds: '`workload.requests`' },
  MAX_CLIENTS: { value: MAX_CLIENTS, bounds: '`workload.clients`' },
  MAX_IN_FLIGHT: { value: MAX_IN_FLIGHT, bounds: '`workload.maxInFlight`' },
  MAX_ATTEMPTS: { value: MAX_ATTEMPTS, bounds: '`policies.retry.maxAttempts`' },
  MAX_COUNT: {
    value: MAX_COUNT,
    bounds: 'fail-first `count`, rate-limit `limit`, consecutive breaker `threshold`',
  },
  MAX_BREAKER_WINDOW: { value: MAX_BREAKER_WINDOW, bounds: 'count breaker `size`' },
  MAX_BULKHEAD: { value: MAX_BULKHEAD, bounds: '`policies.bulkhead.limit` and `queue`' },
  MAX_CACHE_ENTRIES: { value: MAX_CACHE_ENTRIES, bounds: '`policies.cache.maxEntries`' },
  MAX_PHASES: { value: MAX_PHASES, bounds: 'entries of `phases`' },
  MAX_FAULTS_PER_PHASE: { value: MAX_FAULTS_PER_PHASE, bounds: 'entries of `phases[].faults`' },
  MAX_BACKENDS: {
    value: MAX_BACKENDS,
    bounds: '`backends`, `topology.order`, `topology.backends`, `quorum`',
  },
  MAX_HYPOTHESES: { value: MAX_HYPOTHESES, bounds: 'entries of `hypotheses`' },
  MAX_LIST: { value: MAX_LIST, bounds: '`workload.mix`, fault `routes`' },
  MAX_MAP_KEYS: {
    value: MAX_MAP_KEYS,
    bounds: 'keys in `backends.*.options` and in `policies.fallback.value`',
  },
  MAX_DEPTH: { value: MAX_DEPTH, bounds: 'nesting of options, fallback values and of the file itself' },
  MAX_NAME_LENGTH: {
    value: MAX_NAME_LENGTH,
    bounds: 'characters of a scenario, phase, hypothesis or backend name',
  },
  MAX_STRING_LENGTH: { value: MAX_STRING_LENGTH, bounds: 'characters of any other string' },
  MAX_SHAPE: { value: MAX_SHAPE, bounds: 'lognormal `sigma`, Pareto `shape`' },
  MAX_EXPONENT: { value: MAX_EXPONENT, bounds: 'backoff `exponent`, corpus `zipf`' },
  MAX_WEIGHT: { value: MAX_WEIGHT, bounds: 'mix `weight`' },
  MAX_TOTAL_CALLS: {
    value: MAX_TOTAL_CALLS,
    bounds: 'estimated backend calls of one run (requests × attempts × backends per request)',
  },
  MAX_SWEEP_VALUES: { value: MAX_SWEEP_VALUES, bounds: 'values of one swept path' },
  MAX_SWEEP_DIMENSIONS: { value: MAX_SWEEP_DIMENSIONS, bounds: 'paths one sweep varies' },
  MAX_SWEEP_VARIANTS: { value: MAX_SWEEP_VARIANTS, bounds: 'variants of one sweep (grid or `samples`)' },
  MAX_SWEEP_SEEDS: { value: MAX_SWEEP_SEEDS, bounds: '`sweep.seeds`, `--seeds`' },
  MAX_SWEEP_UNITS: { value: MAX_SWEEP_UNITS, bounds: 'simulations of one sweep (variants × seeds)' },
  MAX_SWEEP_CALLS: {
    value: MAX_SWEEP_CALLS,
    bounds: 'estimated backend calls of a whole sweep (variants × seeds × calls per run; `--force`)',
  },
  MAX_MODULE_BYTES: {
    value: MAX_MODULE_BYTES,
    bounds: 'bytes of a plugin, client, reporter or config module',
  },
} as const satisfies Record<string, { value: number; bounds: string }>;
