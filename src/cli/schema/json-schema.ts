import { z } from 'zod';
import { MAX_DURATION_MS } from '../../scenario/limits.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { DURATION_PATTERN, durationSchema } from '../../util/duration.ts';
import { FIELD_NOTES } from './field-notes.ts';

export type JsonSchema = {
  [key: string]: unknown;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
};

export const DURATION_TITLE = 'Duration';

/**
 * The scenario format as draft-07 JSON Schema, generated from the zod schema that validates scenarios
 * (so the two cannot disagree), with durations spelled out and a description on every field.
 */
export function scenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = (
        zodSchema as { _zod: { def: { type: string; innerType?: unknown; defaultValue?: unknown } } }
      )._zod.def;
      if (zodSchema === durationSchema) replaceWithDuration(jsonSchema as JsonSchema);
      // A default around a transform (durations) is dropped from the input schema; put it back.
      if (def.type === 'default' && def.innerType === durationSchema)
        (jsonSchema as JsonSchema).default = def.defaultValue;
    },
  }) as JsonSchema;
  forEachField(schema, (path, node) => {
    const note = FIELD_NOTES[path];
    if (note !== undefined) node.description = note;
  });
  return { ...schema, title: 'faultline scenario' };
}

function replaceWithDuration(node: JsonSchema): void {
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, {
    title: DURATION_TITLE,
    anyOf: [
      { type: 'number', minimum: 0, maximum: MAX_DURATION_MS, description: 'milliseconds' },
      { type: 'string', pattern: DURATION_PATTERN.source, description: 'e.g. 250ms, 1.5s, 3m, 2h, 2m30s' },
    ],
  });
}

/**
 * Calls `visit` with the dotted path of every property in the schema. Array items, union branches and
 * map values (`*`) share their parent's path, the way FIELD_NOTES are keyed.
 */
export function forEachField(
  node: JsonSchema,
  visit: (path: string, node: JsonSchema) => void,
  path = '',
): void {
  for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) forEachField(branch, visit, path);
  if (node.items) forEachField(node.items, visit, path);
  if (typeof node.additionalProperties === 'object')
    forEachField(node.additionalProperties, visit, `${path}.*`);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    visit(childPath, child);
    forEachField(child, visit, childPath);
  }
}
