/**
 * What each scenario field means, by dotted path (array items and union branches add nothing to the
 * path: `phases.faults.rate` is the rate of every fault kind). The JSON Schema and the README reference
 * take their descriptions from here; a test fails when a path no longer exists in the schema.
 */
export const FIELD_NOTES: Readonly<Record<string, string>> = {
  $schema: 'Where editors find this JSON Schema (`faultline schema`); ignored by faultline.',
  name: 'Scenario name, shown in every report and used for result file names.',
  description: 'One line on what the scenario shows.',
  seed: 'Seed for every random draw; `--seed` overrides it, and a random one is drawn (and recorded) when neither is given.',
  mode: '`simulated` runs on a virtual clock (hours of traffic in seconds); `real-time` waits for real, for real backends.',
  backends: 'Backends by the name the rest of the scenario uses (topology, fallback, fault targets).',
  'backends.*.plugin':
    'A built-in plugin (`faultline list` shows them) or a path to a plugin module, relative to the scenario file.',
  'backends.*.options': 'Options for the plugin, validated by the plugin’s own schema.',
  'backends.*.cost':
    'What a call to this backend costs (a paid API); results then carry `cost` with the total, per request and per day.',
  'backends.*.cost.perCall':
    'Price of one call (every call the client makes, as `backend.calls` counts them).',
  'backends.*.cost.currency': 'ISO 4217 code (default USD); all priced backends of a scenario share one.',
  topology:
    'How a request reaches the backends: one backend, failover in order, fan-out to several, or load-balanced over several.',
  'topology.type': '`single`, `failover`, `fan-out` or `load-balanced`.',
  'topology.backend': 'The backend a `single` topology calls (default: the first one declared).',
  'topology.order': 'Backends a `failover` topology tries in turn, each through the policy stack.',
  'topology.backends':
    'Backends a `fan-out` topology calls in parallel, or a `load-balanced` one spreads attempts over (each behind its own breaker, timeout and bulkhead; retries sit above the balancer and pick again).',
  'topology.quorum': 'How many fan-out answers a request needs to succeed.',
  'topology.merge':
    'How a `fan-out` merges its answers’ fallacies into `aggregated_fallacies`: `union` (any source), `majority` (more than half of those that answered) or `highest-confidence` (the most confident source’s); each with the sources that reported it.',
  'topology.strategy':
    'How a `load-balanced` topology picks a backend per attempt: `round-robin`, `random`, `least-outstanding` (fewest calls in flight), `power-of-two-choices` (the less busy of two drawn at random) or `weighted` (smooth weighted round-robin).',
  'topology.weights': 'Weight per backend name for `weighted` (default 1; 0 takes a backend out).',
  'topology.outlierEjection':
    'Envoy-style outlier detection: consecutive failures take a backend out of rotation for a while.',
  'topology.outlierEjection.consecutiveFailures': 'Failures in a row that eject a backend.',
  'topology.outlierEjection.ejectionTime': 'How long an ejected backend stays out of rotation.',
  'topology.outlierEjection.maxEjectedPercent':
    'Most backends ejected at once, as a percentage; one may always be. When all are out, all are used (panic mode).',
  'topology.outlierEjection.failOn': 'Failures that count towards ejection.',
  policies:
    'The resilience stack, outermost first: cache ▸ fallback ▸ retry (within `retryBudget`) ▸ hedge ▸ breaker ▸ timeout ▸ bulkhead ▸ rateLimit. Each is optional.',
  'policies.cache': 'An LRU cache with a TTL in front of everything else.',
  'policies.cache.ttl': 'How long an answer stays fresh.',
  'policies.cache.maxEntries': 'Entries kept before the least recently used is evicted.',
  'policies.cache.staleIfError':
    'Serve an expired entry when the backend fails, for at most this long past expiry.',
  'policies.cache.coalesce': 'Concurrent identical misses share one backend call.',
  'policies.fallback': 'What a request gets when everything below failed: a static value or another backend.',
  'policies.fallback.value': 'A static answer (any JSON value).',
  'policies.fallback.backend': 'Name of another backend in `backends` to ask instead.',
  'policies.retry': 'Retries failed attempts with backoff.',
  'policies.retry.maxAttempts': 'Total attempts including the first.',
  'policies.retry.backoff': 'Wait between attempts: `exponential` (with jitter) or `constant`.',
  'policies.retry.backoff.type': '`exponential` or `constant`.',
  'policies.retry.backoff.initialDelay': 'First exponential delay.',
  'policies.retry.backoff.maxDelay': 'Cap on any exponential delay.',
  'policies.retry.backoff.exponent': 'Growth factor between exponential delays.',
  'policies.retry.backoff.jitter':
    'Randomisation of exponential delays; `full` and `decorrelated` spread retries out.',
  'policies.retry.backoff.delay': 'The fixed delay of a `constant` backoff.',
  'policies.retry.retryOn': 'Failures worth retrying.',
  'policies.retry.honorRetryAfter': 'Wait at least what a 429/503 `Retry-After` header asks.',
  'policies.retry.maxRetryAfter': 'Cap on a honoured `Retry-After`.',
  'policies.retryBudget':
    'Finagle/Envoy retry budget: retries in a sliding window may be at most `ratio` × requests + `minPerSecond` × window; beyond it the failure is returned at once.',
  'policies.retryBudget.ratio': 'Retries allowed per request, on average over the window (0.2 = 20%).',
  'policies.retryBudget.minPerSecond': 'Retries per second always allowed, however few the requests.',
  'policies.retryBudget.window': 'The sliding window the budget counts requests and retries over.',
  'policies.hedge':
    'Hedged requests: when an attempt has not answered after `delay`, another starts beside it; the first success wins and the rest are cancelled (their calls still count).',
  'policies.hedge.delay':
    'How long an attempt may run before a hedge starts beside it (a latency quantile, say the p90).',
  'policies.hedge.maxHedges': 'Extra attempts at most, each `delay` after the previous.',
  'policies.breaker':
    'A circuit breaker: after enough failures it opens and fails fast, sparing the backend.',
  'policies.breaker.halfOpenAfter': 'How long the breaker stays open before letting a trial call through.',
  'policies.breaker.strategy':
    'When to open: after `consecutive` failures, a failure ratio over a `count` of calls, or over a `sampling` time window.',
  'policies.breaker.strategy.type': '`consecutive`, `count` or `sampling`.',
  'policies.breaker.strategy.threshold':
    'Consecutive failures (`consecutive`), or the failure ratio in (0, 1] that opens the breaker when exceeded (1: when every call failed).',
  'policies.breaker.strategy.size': 'Calls in the `count` window.',
  'policies.breaker.strategy.minimumNumberOfCalls': 'Calls needed before a `count` breaker may open.',
  'policies.breaker.strategy.duration': 'Length of the `sampling` window.',
  'policies.breaker.strategy.minimumRps': 'Calls per second needed before a `sampling` breaker may open.',
  'policies.breaker.failOn': 'Failures that count against the breaker.',
  'policies.timeout': 'Gives up on an attempt that takes too long.',
  'policies.timeout.after': 'The time limit per attempt.',
  'policies.timeout.strategy':
    '`aggressive` releases the caller at once; `cooperative` asks the call to stop and awaits it.',
  'policies.bulkhead': 'Caps concurrent calls so one slow backend cannot take every connection.',
  'policies.bulkhead.limit': 'Calls allowed in flight.',
  'policies.bulkhead.queue': 'Calls allowed to wait for a slot; the rest are rejected at once.',
  'policies.rateLimit':
    'A client-side token bucket, innermost: every call to the backend (retries and hedges too) takes a token.',
  'policies.rateLimit.rate': 'Tokens added per second: the long-run call rate.',
  'policies.rateLimit.burst': 'Tokens the bucket holds: calls allowed at once after a quiet spell.',
  'policies.rateLimit.queue':
    'Calls allowed to wait for their token (in order); beyond it a call fails at once with RATE_LIMITED.',
  workload:
    'The traffic: a `closed` loop of clients or an `open` stream of arrivals, for a duration or a number of requests.',
  'workload.model':
    '`closed`: each client sends its next request when the last one ends. `open`: arrivals at a rate, whatever the responses do.',
  'workload.clients': 'Concurrent clients of a `closed` workload.',
  'workload.thinkTime': 'Pause of a `closed` client between requests.',
  'workload.duration': 'How long traffic runs (simulated time); `--duration` overrides it.',
  'workload.requests': 'Stop after this many requests (whichever of duration and requests comes first).',
  'workload.mix': 'Endpoints and their weights.',
  'workload.mix.endpoint': 'Request path, e.g. `/api/analyze`.',
  'workload.mix.method': 'HTTP method (default: GET for /api/health, POST otherwise).',
  'workload.mix.weight': 'Relative share of requests.',
  'workload.corpus': 'The texts requests carry, drawn from the shipped argument corpus.',
  'workload.corpus.size':
    'How many distinct texts to draw from; beyond the shipped texts, numbered variants of them are generated.',
  'workload.corpus.zipf':
    'Zipf exponent of text popularity (0 is uniform); higher makes caches more effective.',
  'workload.corpus.language': '`en`, `fr` or `any`.',
  'workload.rate': 'Arrivals per second of an `open` workload.',
  'workload.arrivals': '`poisson` (random, realistic) or `constant` spacing.',
  'workload.maxInFlight':
    'Cap on in-flight requests of an `open` workload; arrivals beyond it fail as OVERLOAD.',
  phases:
    'Time windows of the run, each with the faults active during it. Hypotheses can be scoped to a phase.',
  'phases.name': 'Phase name, used by hypotheses and shown in reports.',
  'phases.from': 'Start of the phase (time since the run began).',
  'phases.to': 'End of the phase; open-ended when absent.',
  'phases.faults': 'Faults injected during the phase.',
  'phases.faults.kind':
    '`latency`, `error`, `network`, `timeout`, `malformed`, `fail-first`, `flapping`, `degradation` or `rate-limit`.',
  'phases.faults.rate': 'Probability in [0, 1] that the fault applies to a call.',
  'phases.faults.target': 'Only calls to this backend (by its name in `backends`).',
  'phases.faults.routes': 'Only calls to these paths.',
  'phases.faults.distribution': 'Added latency: `fixed`, `uniform`, `normal`, `lognormal` or `pareto`.',
  'phases.faults.distribution.type': 'The latency distribution.',
  'phases.faults.distribution.ms': 'Fixed latency.',
  'phases.faults.distribution.minMs': 'Uniform lower bound.',
  'phases.faults.distribution.maxMs': 'Uniform upper bound.',
  'phases.faults.distribution.meanMs': 'Normal mean (clamped at 0).',
  'phases.faults.distribution.stdDevMs': 'Normal standard deviation.',
  'phases.faults.distribution.medianMs': 'Lognormal median.',
  'phases.faults.distribution.sigma': 'Lognormal shape; larger means a longer tail.',
  'phases.faults.distribution.scaleMs': 'Pareto minimum.',
  'phases.faults.distribution.shape': 'Pareto shape α; below 2 the variance is infinite, a heavy long tail.',
  'phases.faults.status': 'HTTP status returned (400–599).',
  'phases.faults.retryAfter': 'Value of the `Retry-After` header sent with the failure.',
  'phases.faults.error': 'Network failure: `reset`, `refused`, `dns`, or `hang` (never answers).',
  'phases.faults.after': 'A `timeout` fault fails the call with ETIMEDOUT after this long.',
  'phases.faults.mode': 'How a `malformed` body is broken: `truncated`, `garbage` or `empty`.',
  'phases.faults.count': 'A `fail-first` fault fails this many calls in the phase, then lets calls through.',
  'phases.faults.failure': 'What a failing call looks like: a status (and Retry-After) or a network error.',
  'phases.faults.failure.status': 'HTTP status of the failure.',
  'phases.faults.failure.retryAfter': 'Retry-After sent with the failure.',
  'phases.faults.failure.network': 'Network failure kind.',
  'phases.faults.up': 'A `flapping` backend works this long…',
  'phases.faults.down': '…then fails this long, and so on from the phase start.',
  'phases.faults.errorRate': 'A `degradation` ramps the error rate linearly across the phase.',
  'phases.faults.errorRate.from': 'Error rate at the phase start.',
  'phases.faults.errorRate.to': 'Error rate at the phase end.',
  'phases.faults.latencyMs': 'A `degradation` ramps added latency linearly across the phase.',
  'phases.faults.latencyMs.from': 'Added latency at the phase start.',
  'phases.faults.latencyMs.to': 'Added latency at the phase end.',
  'phases.faults.limit': 'A `rate-limit` allows this many calls per window, then answers 429.',
  'phases.faults.window': 'The `rate-limit` window.',
  hypotheses:
    'Steady-state hypotheses: the verdict passes when every one holds. Each is an object as below or a shorthand string such as `"latency.p99 < 800ms in outage"` or `"errorRate <= 1%"`.',
  'hypotheses.name': 'A readable name (default: written from metric, op and value).',
  'hypotheses.metric': 'What to measure; see the metrics table.',
  'hypotheses.op': 'Comparison: `<`, `<=`, `>`, `>=`, `==`, `!=`.',
  'hypotheses.value': 'The bound: ratios in [0, 1], times in ms.',
  'hypotheses.phase': 'Judge only this phase instead of the whole run.',
  sweep: 'What `faultline sweep` varies when no `--vary` is given; `faultline run` ignores it.',
  'sweep.vary':
    'Dotted scenario path → values: a list (`[1, 2, 3]`) or the `--vary` text (`1..5`, `100ms..2s:5`, `on,off` for a policy block). Paths are checked against this schema.',
  'sweep.seeds': 'Seeds each variant runs on (default 5); every variant of a seed meets the same luck.',
  'sweep.sampling':
    '`grid` (every combination, the default), `random` or `lhs` (Latin hypercube) with `samples`.',
  'sweep.samples': 'Variants sampled from the grid by `random` or `lhs`.',
  'sweep.minPassShare':
    'Share of seeds a variant’s hypotheses must hold in to be recommended (default 0.95).',
};

/** What each hypothesis metric measures. */
export const METRIC_NOTES: Readonly<Record<string, string>> = {
  availability: 'Requests answered (successfully or by a fallback) / all requests.',
  successRate: 'Requests the backend answered successfully / all requests.',
  errorRate: 'Requests that failed / all requests.',
  fallbackRate: 'Requests answered by the fallback / all requests.',
  'latency.p50': 'Median client-observed latency, ms.',
  'latency.p90': '90th percentile latency, ms.',
  'latency.p95': '95th percentile latency, ms.',
  'latency.p99': '99th percentile latency, ms.',
  'latency.max': 'Slowest request, ms.',
  'latency.mean': 'Mean latency, ms.',
  backendCallsPerRequest:
    'Backend calls / client requests: the cost of retries (above 1) and of caches and breakers (below 1).',
  'backend.calls': 'Backend calls made.',
  'breaker.openTime': 'Time the breaker spent open, ms.',
  'breaker.openRatio': 'Share of the window the breaker spent open.',
  'breaker.opened': 'Times the breaker opened.',
  'cache.hitRatio':
    'Cache hits / (hits + misses); lookups that waited for another lookup’s load (coalesced) are counted apart.',
  'requests.total': 'Client requests.',
  'requests.failed': 'Client requests that failed.',
  throughput: 'Requests per second (simulated time).',
};
