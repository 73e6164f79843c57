/**
 * The one catalogue of faultline's error codes: every FaultlineError carries one of these, so users and
 * scripts can branch on a stable code instead of a message. Each entry says what the code means.
 * Add a code here before throwing it; the constructors only accept keys of this map.
 */
export const ERROR_CODES = {
  // command line
  USAGE: 'a command-line flag or argument is missing, malformed or out of range',
  NO_SCENARIOS: 'the files, folders or globs given match no scenario file',
  DOCS_MARKERS: 'the README lacks the markers between which the generated reference goes',
  UNKNOWN_LAW: 'check --law names a law that does not exist',
  CHECK_NEEDS_SIMULATION: 'check was given a scenario it cannot simulate on virtual time',
  REPLAY_INPUT: 'replay was given a file that is not a faultline JSON result',
  REPLAY_SCENARIO_MISSING: 'the scenario a result was produced from can no longer be found',
  MERGE_INPUT: 'merge was given a path that holds no shard output, or a shard output that is damaged',
  MERGE_MISMATCH: 'the shards to merge come from different faultline versions, suites or settings',
  MERGE_OVERLAP: 'two shard outputs to merge hold the same shard or the same unit',
  MERGE_MISSING: 'the shard outputs to merge leave some units of the suite out',
  PEER_MISSING:
    'an optional peer package (msw, nock, vitest, fast-check) the command or plugin needs is not installed',
  // configuration
  CONFIG_NOT_FOUND: 'the named config file does not exist',
  CONFIG_INVALID: 'the config file does not match its schema',
  CONFIG_LOAD_FAILED: 'the config file could not be read or evaluated',
  // scenario files
  SCENARIO_NOT_FOUND: 'the scenario file does not exist',
  SCENARIO_NOT_FILE: 'the scenario path is not a regular file',
  SCENARIO_EXTENSION: 'the scenario file has an extension faultline does not read',
  SCENARIO_TOO_LARGE: 'the scenario file is over the size limit',
  SCENARIO_UNREADABLE: 'the scenario file could not be read',
  SCENARIO_CHANGED: 'a scenario file changed between planning a run and running one of its units',
  SCENARIO_LOAD_FAILED: 'a TypeScript or JavaScript scenario could not be evaluated',
  SCENARIO_SYNTAX: 'the YAML or JSON does not parse',
  SCENARIO_ALIAS_LIMIT: 'the YAML expands too many aliases',
  SCENARIO_TOO_DEEP: 'the scenario file nests deeper than the limit',
  SCENARIO_ENV_TOO_LARGE: 'expanding env references grows the scenario past the size limit',
  SCENARIO_PHASES_INVALID: 'phases share a name, end before they start or start after the run ends',
  SCENARIO_NO_EVIDENCE:
    'a hypothesis could not be judged: its metric is not produced or no request reaches it',
  SCENARIO_TOO_MUCH_WORK: 'the run is estimated to make more backend calls than the limit',
  SCENARIO_NEEDS_REAL_TIME: 'a simulated scenario calls a real backend (http), which only runs in real time',
  MODULE_NOT_FILE: 'a path named as a module or config is not a regular file, or is too large or not code',
  SCENARIO_FORBIDDEN_KEY:
    'the YAML uses a key that could pollute prototypes, a duplicate key or a custom tag',
  SCENARIO_NOT_MAPPING: 'the scenario document is not a mapping',
  SCENARIO_UNKNOWN_KEY: 'the scenario has a key the schema does not know',
  SCENARIO_INVALID: 'a scenario field has a value the schema refuses',
  SCENARIO_ENV_MISSING: 'an env reference names an unset environment variable',
  SCENARIO_UNKNOWN_BACKEND: 'the scenario refers to a backend it does not declare',
  SCENARIO_UNKNOWN_PHASE: 'the scenario refers to a phase it does not declare',
  // sweeps
  SWEEP_UNKNOWN_PATH: 'a swept path (--vary or sweep.vary) names no field of the scenario schema',
  SWEEP_VALUES_INVALID: 'the values given for a swept path do not parse',
  SWEEP_TOO_LARGE: 'a sweep has more values, variants, seeds or estimated work than its limits',
  SWEEP_NO_DIMENSIONS: 'a sweep was started with nothing to vary',
  // hypotheses
  HYPOTHESIS_SYNTAX: 'a hypothesis expression does not parse',
  HYPOTHESIS_UNKNOWN_METRIC: 'a hypothesis names a metric faultline does not measure',
  HYPOTHESIS_UNIT: 'a hypothesis threshold has a unit that does not fit its metric',
  HYPOTHESIS_UNKNOWN_PHASE: 'a hypothesis names a phase the scenario does not have',
  // plugins, clients, reporters
  PLUGIN_NOT_FOUND: 'no backend plugin has that name or path',
  PLUGIN_LOAD_FAILED: 'the backend plugin module could not be loaded',
  PLUGIN_INVALID: 'the module does not default-export a defineBackend() plugin',
  PLUGIN_OPTIONS_INVALID: "a backend's options do not match its plugin's schema",
  BACKEND_INTERCEPTS: 'an intercepting backend (msw, nock) was used where it cannot be',
  CLIENT_NOT_FOUND: 'the client module named by an msw or nock backend does not exist',
  CLIENT_LOAD_FAILED: 'the client module could not be loaded',
  CLIENT_INVALID: 'the client module does not export a usable client',
  REPORTER_UNKNOWN: 'no built-in reporter has that name',
  REPORTER_LOAD_FAILED: 'the custom reporter module could not be loaded',
  REPORTER_INVALID: 'the custom reporter module does not export a reporter',
  REPORTER_OUTPUT_OUTSIDE: "a reporter's output path leaves the output folder",
  FALLBACK_BACKEND_UNAVAILABLE: 'a fallback names a backend that cannot serve it',
  // real HTTP
  HTTP_API_KEY_MISSING: 'the environment variable named for the API key is unset',
  HTTP_INSECURE_URL: 'a non-loopback URL uses plain HTTP without --allow-insecure-http',
  AUTH_ENV_MISSING: 'the environment variable named by --auth-env is unset',
  HOST_UNAVAILABLE: 'the address to listen on cannot be bound or resolved',
  PORT_IN_USE: 'the port to listen on is taken',
  PORT_DENIED: 'the port to listen on needs privileges',
  SERVE_UNSUPPORTED_BACKEND: 'serve --scenario names a backend serve cannot play',
  SERVER_LIMIT_INVALID: 'a serve or proxy timeout or connection cap is outside its bounds',
  METRICS_AUTH_WITHOUT_TOKEN: 'serve --metrics-auth was given without --auth-env to take the token from',
  // gRPC and WebSocket
  GRPC_API_KEY_MISSING: 'the environment variable named for the gRPC metadata key is unset',
  GRPC_INSECURE_URL: 'a non-loopback grpc:// address without TLS and without --allow-insecure-http',
  WS_API_KEY_MISSING: 'the environment variable named for the WebSocket API key is unset',
  WS_INSECURE_URL: 'a non-loopback ws:// URL without --allow-insecure-http',
  TARGET_REFUSED: 'a proxy target or redirect points at an address faultline will not reach',
  UNKNOWN_PHASE: 'the control API was asked for a phase the scenario does not have',
  // interception (msw, nock, faultline/vitest)
  CHAOS_FAULTS_INVALID: 'the faults given to an interceptor do not match the fault vocabulary',
  CHAOS_NOT_ACTIVE: 'a useChaos() helper was used outside its test',
  CHAOS_NOT_VIRTUAL: 'a virtual-time helper was used on a real-time chaos scope',
  CHAOS_WORK_STUCK: 'work under virtual time did not settle',
  UNHANDLED_REQUEST: 'a request matched no chaos route',
  INTERCEPTION_CLOSED: 'a request arrived after the interceptor was closed',
  INTERCEPTORS_CONFLICT: 'msw and nock were both asked to intercept',
  INTERCEPTOR_ALREADY_INSTALLED: 'an interceptor is already installed in this process',
  NOCK_OFF: 'nock is not active',
  // simulation
  SIMULATION_NO_PROGRESS:
    'virtual time stopped moving: events kept firing at one instant (closed loop, no think time, instant failures)',
  SIMULATION_ALREADY_RUNNING:
    'a second simulation was started in a thread whose virtual clock is in use (one per thread; use workers)',
  FAKE_TIMERS_VERSION:
    'the installed @sinonjs/fake-timers is outside the range the virtual clock was built and tested against',
  WORKER_FAILED: 'a worker thread running a unit crashed or could not start',
  // recording and fitting
  RECORD_UNWRITABLE: 'the recording file cannot be created or written',
  RECORDING_NOT_FOUND: 'the recording to fit does not exist or cannot be read',
  RECORDING_TOO_LARGE: 'the recording is over the size or entry limit',
  RECORDING_INVALID: 'the recording is not HAR 1.2 or faultline JSON lines',
  FIT_USAGE: 'a faultline fit flag is out of range',
  FIT_NO_DATA: 'the recording has too few exchanges to fit',
  EXPORT_LOSSY: 'export --strict was asked for a target that cannot express every fault',
  // benchmarks
  BENCH_NOT_AVAILABLE: 'faultline bench was run outside a clone of the faultline repository',
  BENCH_USAGE: 'a faultline bench flag is missing or malformed',
  BENCH_REPORT_UNREADABLE: 'the bench report to compare with cannot be read',
  BENCH_REPORT_INVALID: 'the bench report to compare with is not a faultline bench report',
  BENCH_README_NO_SECTION: 'the README lacks the bench markers --readme writes between',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
