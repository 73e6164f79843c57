import type { z } from 'zod';
import { ScenarioError } from '../errors/faultline-error.ts';
import { clip, MAX_QUOTED_VALUE } from '../util/clip.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { formatPath, type ScenarioSource } from './yaml-source.ts';

/** Turns the first zod issue into one line: file:line:col at field.path: problem; what to do. */
export function toScenarioError(error: z.ZodError, source: ScenarioSource): ScenarioError {
  const issue = pickIssue(error.issues);
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyPath = [...path, key];
    const allowed = allowedKeysAt(source.data, path, issue);
    const suggestion = didYouMean(key, allowed);
    const hint = suggestion
      ? `did you mean "${suggestion}"?`
      : `allowed keys here: ${allowed.join(', ') || 'none'}`;
    return new ScenarioError('SCENARIO_UNKNOWN_KEY', source.file, `unknown key "${key}"; ${hint}`, {
      ...source.positionOf(keyPath),
      path: formatPath(keyPath),
    });
  }
  return new ScenarioError('SCENARIO_INVALID', source.file, describe(issue, valueAt(source.data, path)), {
    ...source.positionOf(path),
    path: formatPath(path),
  });
}

/**
 * Prefer the most specific issue: union failures report every branch, the deepest path says most. A
 * missing field next to an unknown key is usually that key misspelt, so the unknown key wins.
 */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const flat = issues.map(insideUnion);
  let best = flat[0] as z.core.$ZodIssue;
  for (const issue of flat) if (issue.path.length > best.path.length) best = issue;
  const misspelt = flat.find(
    (issue) =>
      issue.code === 'unrecognized_keys' &&
      best.code === 'invalid_type' &&
      issue.path.length === best.path.length - 1 &&
      issue.path.every((part, i) => part === best.path[i]),
  );
  return misspelt ?? best;
}

/**
 * A union whose input matched one branch's type (an object where object-or-string is allowed) failed
 * inside that branch: report that branch's own issue, at its full path, instead of "invalid input".
 */
function insideUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const branches = issue.errors.filter(
    (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  if (branches.length !== 1) return issue;
  const inner = pickIssue(branches[0] as z.core.$ZodIssue[]);
  if (inner.code === 'custom') return issue;
  return { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
}

function describe(issue: z.core.$ZodIssue, actual: unknown): string {
  const got =
    actual === undefined ? 'nothing' : clip(JSON.stringify(actual) ?? String(actual), MAX_QUOTED_VALUE);
  switch (issue.code) {
    case 'too_big': {
      // A bound from src/scenario/limits.ts carries its constant's name as the message.
      const named = /^MAX_[A-Z_]+$/.test(issue.message) ? ` (${issue.message})` : '';
      return `must be at most ${String(issue.maximum)}${named} (got ${got}); lower it`;
    }
    case 'too_small':
      return `must be at least ${String(issue.minimum)} (got ${got}); raise it`;
    case 'invalid_type':
      return actual === undefined
        ? `is required (expected ${issue.expected}); add it`
        : `expected ${issue.expected} but got ${got}; change the value`;
    case 'invalid_value': {
      const hint = typeof actual === 'string' ? didYouMean(actual, issue.values.map(String)) : undefined;
      const guess = hint === undefined ? '' : `; did you mean ${JSON.stringify(hint)}?`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${got})${guess}`;
    }
    case 'invalid_union': {
      // A custom check inside one branch (a duration, a hypothesis string) says more than "invalid input".
      const custom = issue.errors.flat().find((inner) => inner.code === 'custom');
      if (custom) return `${custom.message} (got ${got})`;
      return (
        discriminatorHint(issue) ??
        `${issue.message} (got ${got}); check the value against \`faultline schema\``
      );
    }
    default:
      return issue.message.includes('(got ') ? issue.message : `${issue.message} (got ${got})`;
  }
}

function discriminatorHint(issue: z.core.$ZodIssue): string | undefined {
  return issue.message.includes('discriminator')
    ? `${issue.message}; check the kind/type/model field`
    : undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const part of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/** The keys the file already uses correctly next to the unknown one, as candidates for "did you mean". */
function allowedKeysAt(data: unknown, path: readonly (string | number)[], issue: z.core.$ZodIssue): string[] {
  const here = valueAt(data, path);
  const unknown = new Set(issue.code === 'unrecognized_keys' ? issue.keys : []);
  const known = here && typeof here === 'object' ? Object.keys(here).filter((k) => !unknown.has(k)) : [];
  return [...new Set([...known, ...KNOWN_KEYS])];
}

/** Every key the scenario format knows, for suggestions (a typo is usually close to one of these). */
const KNOWN_KEYS = [
  'name',
  'description',
  'seed',
  'mode',
  'backends',
  'topology',
  'policies',
  'workload',
  'phases',
  'hypotheses',
  'plugin',
  'options',
  'type',
  'backend',
  'order',
  'quorum',
  'cache',
  'fallback',
  'retry',
  'breaker',
  'timeout',
  'bulkhead',
  'ttl',
  'maxEntries',
  'staleIfError',
  'coalesce',
  'value',
  'maxAttempts',
  'backoff',
  'retryOn',
  'honorRetryAfter',
  'maxRetryAfter',
  'initialDelay',
  'maxDelay',
  'exponent',
  'jitter',
  'delay',
  'halfOpenAfter',
  'strategy',
  'threshold',
  'size',
  'minimumNumberOfCalls',
  'duration',
  'minimumRps',
  'failOn',
  'after',
  'limit',
  'queue',
  'model',
  'clients',
  'thinkTime',
  'rate',
  'arrivals',
  'maxInFlight',
  'requests',
  'mix',
  'corpus',
  'endpoint',
  'method',
  'weight',
  'zipf',
  'language',
  'from',
  'to',
  'faults',
  'kind',
  'target',
  'routes',
  'distribution',
  'status',
  'retryAfter',
  'error',
  'mode',
  'count',
  'failure',
  'up',
  'down',
  'errorRate',
  'latencyMs',
  'window',
  'network',
  'ms',
  'minMs',
  'maxMs',
  'meanMs',
  'stdDevMs',
  'medianMs',
  'sigma',
  'scaleMs',
  'shape',
  'metric',
  'op',
  'phase',
  'expect',
];
