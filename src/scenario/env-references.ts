import { ScenarioError } from '../errors/faultline-error.ts';
import { registerSecret } from '../logging/secrets.ts';
import { formatPath, MAX_SCENARIO_BYTES, type ScenarioSource } from './yaml-source.ts';

const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Labels printed in every report: left as written, so a value from the environment never lands in a
 * report through a name (a hypothesis names its phase, so hypotheses stay as written too).
 */
const LABELS: readonly (readonly (string | number | '*')[])[] = [
  ['name'],
  ['description'],
  ['phases', '*', 'name'],
  ['hypotheses'],
];

function isLabel(path: readonly PropertyKey[]): boolean {
  return LABELS.some(
    (label) => path.length >= label.length && label.every((part, i) => part === '*' || part === path[i]),
  );
}

/**
 * Replaces `${env:NAME}` in every string but the labels (checked, left as written) with the variable's value, so secrets live in
 * the environment and never in the file. Each value is registered as a secret, shown as `${env:NAME}`
 * wherever faultline prints it. A missing variable is an error that names it (never a value); values
 * that would grow the scenario past the file size limit are refused.
 */
export function resolveEnvReferences(
  value: unknown,
  source: ScenarioSource,
  env: NodeJS.ProcessEnv = process.env,
): unknown {
  let added = 0;
  const resolve = (node: unknown, path: PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      const label = isLabel(path);
      return node.replace(REFERENCE, (match, name: string) => {
        const found = env[name];
        const where = () => ({ ...source.positionOf(path), path: formatPath(path) });
        if (found === undefined) {
          throw new ScenarioError(
            'SCENARIO_ENV_MISSING',
            source.file,
            `environment variable ${name} is not set; export it before running`,
            where(),
          );
        }
        if (label) return match;
        added += Math.max(0, found.length - match.length);
        if (added > MAX_SCENARIO_BYTES) {
          throw new ScenarioError(
            'SCENARIO_ENV_TOO_LARGE',
            source.file,
            `\${env:…} values grow the scenario past the ${MAX_SCENARIO_BYTES}-byte limit; reference fewer or shorter values`,
            where(),
          );
        }
        registerSecret(found, match);
        return found;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => resolve(item, [...path, i]));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) out[key] = resolve(item, [...path, key]);
      return out;
    }
    return node;
  };
  return resolve(value, []);
}
