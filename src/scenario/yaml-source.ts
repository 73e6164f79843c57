import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { ScenarioError } from '../errors/faultline-error.ts';

/** Caps that keep a hostile file from exhausting memory before validation even starts. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
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
  forbidPrototypeKeys(data, [], source);
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

function forbidPrototypeKeys(value: unknown, path: PropertyKey[], source: ScenarioSource): void {
  if (!value || typeof value !== 'object') return;
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
    forbidPrototypeKeys((value as Record<string, unknown>)[key], here, source);
  }
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
