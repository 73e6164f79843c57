/**
 * faultline/testing: property-based resilience testing. Arbitraries (fast-check 4) for fault timelines,
 * policy stacks, workloads and whole scenarios; resilience laws checked on traces of generated runs on the
 * virtual clock; checkLaw to run one law against the built-in stack or your own client, with shrinking to
 * a minimal scenario and a seed and path to replay it.
 */
export { faultArbitrary, faultTimelineArbitrary, type TimelineConstraints } from './arbitraries/faults.ts';
export {
  type PoliciesConstraints,
  type PolicyName,
  parsePolicies,
  policiesArbitrary,
} from './arbitraries/policies.ts';
export {
  type ScenarioConstraints,
  scenarioArbitrary,
  seedArbitrary,
  variationsOf,
} from './arbitraries/scenario.ts';
export { DEFAULT_TIME_SCALE, type TimeScale, timeScaleFor } from './arbitraries/time-scale.ts';
export { type WorkloadConstraints, workloadArbitrary } from './arbitraries/workload.ts';
export { type CheckOptions, checkLaw, type LawReport, lawViolation } from './check/check-law.ts';
export { counterexampleYaml } from './check/counterexample.ts';
export { isLawName, LAW_NAMES, LAWS, type LawName } from './laws/index.ts';
export type { Law, LawContext, Violation } from './laws/law.ts';
export { runTrial, type TrialOptions } from './trial/run-trial.ts';
export { builtInStack, type LawSubject, type TrialWiring } from './trial/subject.ts';
export type { Trace, TraceEntry, TrialEnding } from './trial/trace.ts';
