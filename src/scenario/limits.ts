/**
 * Upper bounds on every number, list, map and string a scenario (or config) may hold, from what one
 * machine and the simulation can honour. The schemas cite these constants and the README's generated
 * reference lists them (`LIMITS` below), so a new field takes its bound from here.
 */

const DAY_MS = 86_400_000;

interface Limit {
  readonly value: number;
  /** What it bounds, as the generated reference says it. */
  readonly bounds: string;
}

/** Each limit, its value and what it bounds, in the order of the generated reference. */
export const LIMITS = {
  /** A duration anywhere in a scenario: a year of virtual time (the virtual clock has no timer limit). */
  MAX_DURATION_MS: { value: 366 * DAY_MS, bounds: 'every duration (366 days)' },
  /** Open-loop arrival rate, requests per second. */
  MAX_RATE: { value: 1_000_000, bounds: '`workload.rate`, `policies.breaker.strategy.minimumRps`' },
  /** A workload's `requests`. */
  MAX_REQUESTS: { value: 100_000_000, bounds: '`workload.requests`' },
  /** Closed-loop clients, each a concurrent request loop in memory. */
  MAX_CLIENTS: { value: 10_000, bounds: '`workload.clients`' },
  /** An open loop's in-flight cap. */
  MAX_IN_FLIGHT: { value: 100_000, bounds: '`workload.maxInFlight`' },
  /** Retry attempts, including the first. */
  MAX_ATTEMPTS: { value: 100, bounds: '`policies.retry.maxAttempts`' },
  /** Counters that only count (fail-first count, rate-limit limit, consecutive breaker threshold). */
  MAX_COUNT: {
    value: 1_000_000_000,
    bounds: 'fail-first `count`, rate-limit `limit`, consecutive breaker `threshold`',
  },
  /** A count breaker's window, kept as one slot per call. */
  MAX_BREAKER_WINDOW: { value: 100_000, bounds: 'count breaker `size`' },
  /** Bulkhead slots and queue places. */
  MAX_BULKHEAD: { value: 100_000, bounds: '`policies.bulkhead.limit` and `queue`' },
  /** Cache entries (the LRU allocates its index up front). */
  MAX_CACHE_ENTRIES: { value: 1_000_000, bounds: '`policies.cache.maxEntries`' },
  /** Phases in one scenario. */
  MAX_PHASES: { value: 100, bounds: 'entries of `phases`' },
  /** Faults in one phase. */
  MAX_FAULTS_PER_PHASE: { value: 50, bounds: 'entries of `phases[].faults`' },
  /** Backends in a scenario, and in a failover order or fan-out. */
  MAX_BACKENDS: { value: 32, bounds: '`backends`, `topology.order`, `topology.backends`, `quorum`' },
  /** Hypotheses in one scenario. */
  MAX_HYPOTHESES: { value: 200, bounds: 'entries of `hypotheses`' },
  /** Entries of a workload mix, routes of a fault, and other short lists. */
  MAX_LIST: { value: 100, bounds: '`workload.mix`, fault `routes`' },
  /** Keys in a plugin's options or in a fallback value, counted over the whole value. */
  MAX_MAP_KEYS: { value: 1_000, bounds: 'keys in `backends.*.options` and in `policies.fallback.value`' },
  /** Nesting depth of a plugin's options or a fallback value, and of a scenario file. */
  MAX_DEPTH: { value: 32, bounds: 'nesting of options, fallback values and of the file itself' },
  /** A name (scenario, phase, hypothesis, backend). */
  MAX_NAME_LENGTH: { value: 200, bounds: 'characters of a scenario, phase, hypothesis or backend name' },
  /** Any other string (description, path, endpoint, hypothesis text). */
  MAX_STRING_LENGTH: { value: 4_096, bounds: 'characters of any other string' },
  /** Latency shape parameters: a lognormal's sigma and a Pareto's shape. */
  MAX_SHAPE: { value: 100, bounds: 'lognormal `sigma`, Pareto `shape`' },
  /** Exponential backoff growth factor, and the zipf exponent. */
  MAX_EXPONENT: { value: 10, bounds: 'backoff `exponent`, corpus `zipf`' },
  /** A mix entry's weight. */
  MAX_WEIGHT: { value: 1_000_000, bounds: 'mix `weight`' },
  /** Backend calls a run may make (requests × attempts × backends per request), estimated before it starts. */
  MAX_TOTAL_CALLS: {
    value: 200_000_000,
    bounds: 'estimated backend calls of one run (requests × attempts × backends per request)',
  },
  /** Values one `--vary` (or `sweep.vary` path) may list. */
  MAX_SWEEP_VALUES: { value: 1_000, bounds: 'values of one swept path' },
  /** Paths one sweep varies at once. */
  MAX_SWEEP_DIMENSIONS: { value: 16, bounds: 'paths one sweep varies' },
  /** Variants of one sweep (a grid's product, or --samples). */
  MAX_SWEEP_VARIANTS: { value: 10_000, bounds: 'variants of one sweep (grid or `samples`)' },
  /** Seeds each variant runs on (--seeds). */
  MAX_SWEEP_SEEDS: { value: 1_000, bounds: '`sweep.seeds`, `--seeds`' },
  /** Simulations of one sweep (variants × seeds). */
  MAX_SWEEP_UNITS: { value: 100_000, bounds: 'simulations of one sweep (variants × seeds)' },
  /** Estimated backend calls of a whole sweep (variants × seeds × calls of one run); --force goes past it. */
  MAX_SWEEP_CALLS: {
    value: 2_000_000_000,
    bounds: 'estimated backend calls of a whole sweep (variants × seeds × calls per run; `--force`)',
  },
  /** Bytes of a plugin, client, reporter or config module read as code. */
  MAX_MODULE_BYTES: {
    value: 8 * 1024 * 1024,
    bounds: 'bytes of a plugin, client, reporter or config module',
  },
} as const satisfies Record<string, Limit>;

type LimitValues = { readonly [K in keyof typeof LIMITS]: (typeof LIMITS)[K]['value'] };
const values = Object.fromEntries(
  Object.entries(LIMITS).map(([name, limit]) => [name, limit.value]),
) as LimitValues;

/** The limits as constants, for the schemas to cite (one name each, from the table above). */
export const {
  MAX_DURATION_MS,
  MAX_RATE,
  MAX_REQUESTS,
  MAX_CLIENTS,
  MAX_IN_FLIGHT,
  MAX_ATTEMPTS,
  MAX_COUNT,
  MAX_BREAKER_WINDOW,
  MAX_BULKHEAD,
  MAX_CACHE_ENTRIES,
  MAX_PHASES,
  MAX_FAULTS_PER_PHASE,
  MAX_BACKENDS,
  MAX_HYPOTHESES,
  MAX_LIST,
  MAX_MAP_KEYS,
  MAX_DEPTH,
  MAX_NAME_LENGTH,
  MAX_STRING_LENGTH,
  MAX_SHAPE,
  MAX_EXPONENT,
  MAX_WEIGHT,
  MAX_TOTAL_CALLS,
  MAX_SWEEP_VALUES,
  MAX_SWEEP_DIMENSIONS,
  MAX_SWEEP_VARIANTS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_UNITS,
  MAX_SWEEP_CALLS,
  MAX_MODULE_BYTES,
} = values;

/** Config: scenario globs and reporters (a config file's bound, not in the scenario reference). */
export const MAX_CONFIG_LIST = 1_000;
