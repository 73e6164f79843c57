import { describe, expect, it } from 'vitest';
import { FIELD_NOTES, METRIC_NOTES } from '../../src/cli/schema/field-notes.ts';
import { generatedDocs } from '../../src/cli/schema/generated-docs.ts';
import { forEachField, type JsonSchema, scenarioJsonSchema } from '../../src/cli/schema/json-schema.ts';
import { renderReference } from '../../src/cli/schema/reference-markdown.ts';
import { METRICS } from '../../src/hypotheses/schema.ts';

function fieldPaths(schema: JsonSchema): Set<string> {
  const paths = new Set<string>();
  forEachField(schema, (path) => paths.add(path));
  return paths;
}

describe('scenario JSON Schema and README reference', () => {
  const schema = scenarioJsonSchema();

  it('is draft-07 and closed: unknown keys are refused, as the loader refuses them', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'workload']);
  });

  it('spells durations out as milliseconds or a string with a unit', () => {
    const ttl = (schema.properties?.policies?.properties?.cache?.properties?.ttl ?? {}) as JsonSchema;
    expect(ttl.title).toBe('Duration');
    const pattern = new RegExp(String(ttl.anyOf?.[1]?.pattern));
    expect(['250ms', '1.5s', '3m', '2h', '1m30s', '1h15m'].every((d) => pattern.test(d))).toBe(true);
    expect(['3 minutes', '30s1m', ''].some((d) => pattern.test(d))).toBe(false);
  });

  it('describes every field, and every note names a field that exists', () => {
    const paths = fieldPaths(schema);
    expect([...paths].filter((path) => FIELD_NOTES[path] === undefined)).toEqual([]);
    expect(Object.keys(FIELD_NOTES).filter((path) => !paths.has(path))).toEqual([]);
    expect(METRICS.filter((metric) => METRIC_NOTES[metric] === undefined)).toEqual([]);
  });

  it('documents each fault kind in its own table', () => {
    const reference = renderReference(schema);
    for (const kind of [
      'latency',
      'error',
      'network',
      'timeout',
      'malformed',
      'fail-first',
      'flapping',
      'degradation',
      'rate-limit',
    ]) {
      expect(reference).toContain(`##### \`phases[].faults[]\` with \`kind: ${kind}\``);
    }
  });

  it('matches the README section and the shipped schema file (run `faultline docs` after changing the schema)', async () => {
    for (const file of await generatedDocs()) expect(file.current, file.file).toBe(file.expected);
  });
});
