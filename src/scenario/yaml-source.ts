import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { ScenarioError } from '../errors/faultline-error.ts';
import { MAX_DEPTH } from './limits.ts';
import { estimateNesting } from './yaml-depth.ts';

/** Caps that keep a hostile file from exhausting memory before validation even starts. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;
/** Levels a scenario file may nest: the scenario's own few, plus options and fallback values. */
export const MAX_FILE_DEPTH = MAX_DEPTH + 8;

/** A parsed scenario file that can still say on which line a value stands. */
export interface ScenarioSource {
  readonly file: string;
  readonly data: unknown;
  positionOf(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/**
 * Parses YAML or JSON (JSON is YAML) strictly: duplicate keys are errors, aliases are bounded (no
 * billion laughs), no custom tags, and keys that would reach Object.prototype are refused.
 */
export function parseScenarioText(file: string, text: string): ScenarioSource {
  const nesting = estimateNesting(text, MAX_FILE_DEPTH);
  if (nesting > MAX_FILE_DEPTH) {
    throw new ScenarioError(
      'SCENARIO_TOO_DEEP',
      file,
      `nests deeper than ${MAX_FILE_DEPTH} levels (MAX_DEPTH); flatten it`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    // Checked below in one pass: the library compares every key with every other (50k keys take 25 s).
    uniqueKeys: false,
    prettyErrors: false,
    customTags: [],
    schema: 'core',
    strict: true,
  });
  // An unknown tag (!!js/function, !secret) only warns in the yaml library; faultline has no custom tags.
  const first = doc.errors[0] ?? doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ScenarioError('SCENARIO_SYNTAX', file, describeYamlError(first.code, first.message), {
      line: pos.line,
      column: pos.col,
    });
  }
  checkUniqueKeys(doc, file, lineCounter);
  const data = toData(doc, file);
  const source: ScenarioSource = {
    file,
    data,
    positionOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) {
          const { line, col } = lineCounter.linePos(node.range[0]);
          return { line, column: col };
        }
      }
      return undefined;
    },
  };
  checkShape(data, source);
  return source;
}

function toData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const aliasBomb = /alias/i.test(message);
    throw new ScenarioError(
      aliasBomb ? 'SCENARIO_ALIAS_LIMIT' : 'SCENARIO_SYNTAX',
      file,
      aliasBomb
        ? `too many YAML alias expansions (limit ${MAX_ALIAS_COUNT}); write the values out or use fewer anchors`
        : `${message}; fix the YAML`,
    );
  }
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return `${firstLine}; remove or rename the duplicate key`;
  if (code === 'TAG_RESOLVE_FAILED') return `${firstLine}; scenarios allow no YAML tags, write a plain value`;
  return `${firstLine.replace(/ at line \d+, column \d+:?$/, '')}; fix the YAML syntax`;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * One walk over the parsed data: a self-referential alias (`&a [*a]`) is a cycle, a value nested past
 * the bound is refused, and keys that would reach Object.prototype are refused.
 */
function checkShape(data: unknown, source: ScenarioSource): void {
  const onPath = new Set<object>();
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (!value || typeof value !== 'object') return;
    const where = () => ({ ...source.positionOf(path), path: formatPath(path) });
    if (onPath.has(value)) {
      throw new ScenarioError(
        'SCENARIO_ALIAS_LIMIT',
        source.file,
        'a YAML alias refers to the value that contains it (a cycle); write the value out',
        where(),
      );
    }
    if (path.length >= MAX_FILE_DEPTH) {
      throw new ScenarioError(
        'SCENARIO_TOO_DEEP',
        source.file,
        `nests deeper than ${MAX_FILE_DEPTH} levels (MAX_DEPTH); flatten it`,
        where(),
      );
    }
    onPath.add(value);
    for (const key of Object.keys(value)) {
      const here = [...path, key];
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ScenarioError(
          'SCENARIO_FORBIDDEN_KEY',
          source.file,
          `the key "${key}" is not allowed (it could alter object prototypes); rename it`,
          { ...source.positionOf(path), path: formatPath(here) },
        );
      }
      walk((value as Record<string, unknown>)[key], Array.isArray(value) ? [...path, Number(key)] : here);
    }
    onPath.delete(value);
  };
  walk(data, []);
}

/** Duplicate keys in any mapping, found with one set per mapping. */
function checkUniqueKeys(doc: Document, file: string, lineCounter: LineCounter): void {
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]) : undefined;
        throw new ScenarioError(
          'SCENARIO_SYNTAX',
          file,
          `Map keys must be unique; remove or rename the duplicate key "${String(key).slice(0, 80)}"`,
          at ? { line: at.line, column: at.col } : {},
        );
      }
    },
  });
}

/** `phases[1].faults[0].rate` from ['phases', 1, 'faults', 0, 'rate']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
