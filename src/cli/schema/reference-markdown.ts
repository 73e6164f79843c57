import { METRICS } from '../../hypotheses/schema.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { METRIC_NOTES } from './field-notes.ts';
import { DURATION_TITLE, type JsonSchema } from './json-schema.ts';

interface Section {
  readonly path: string;
  readonly node: JsonSchema;
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * The scenario format reference in Markdown, generated from the JSON Schema: one table per object,
 * one sub-table per variant of a tagged union (fields shared by every variant listed once), then the
 * hypothesis metrics. Deterministic, so a test can compare it with the README.
 */
export function renderReference(schema: JsonSchema): string {
  const out: string[] = [];
  const queue: Section[] = [{ path: '', node: schema }];
  const done = new Set<string>();
  while (queue.length > 0) {
    const section = queue.shift() as Section;
    // The same shape reached twice (a fault's `failure` in three kinds) is documented once.
    if (done.has(section.path)) continue;
    done.add(section.path);
    out.push(...renderSection(section, queue));
  }
  out.push('#### Hypothesis metrics', '', '| Metric | Meaning |', '| --- | --- |');
  for (const metric of METRICS) out.push(`| \`${metric}\` | ${cell(METRIC_NOTES[metric] ?? '')} |`);
  out.push(...limitsTable());
  return `${out.join('\n')}\n`;
}

function renderSection({ path, node }: Section, queue: Section[]): string[] {
  const title = path === '' ? 'Top level' : `\`${path}\``;
  const variants = objectVariants(node);
  if (variants) {
    const tag = discriminator(variants);
    const shared = sharedFields(variants, tag);
    const lines = [`#### ${title}`, '', cell(node.description ?? ''), ''];
    if (shared.size > 0) {
      lines.push(
        'Fields every variant accepts:',
        '',
        ...table(variants[0] as JsonSchema, path, queue, (key) => shared.has(key)),
        '',
      );
    }
    for (const variant of variants) {
      const label = tag
        ? `with \`${tag}: ${String(variant.properties?.[tag]?.const)}\``
        : `as \`{ ${(variant.required ?? []).join(', ')} }\``;
      lines.push(`##### \`${path}\` ${label}`, '');
      lines.push(...table(variant, path, queue, (key) => !shared.has(key) && key !== tag), '');
    }
    return lines;
  }
  return [
    `#### ${title}`,
    '',
    ...(path && node.description ? [cell(node.description), ''] : []),
    ...table(node, path, queue, () => true),
    '',
  ];
}

function table(
  node: JsonSchema,
  path: string,
  queue: Section[],
  include: (key: string) => boolean,
): string[] {
  const required = new Set(node.required ?? []);
  const rows = Object.entries(node.properties ?? {})
    .filter(([key]) => include(key))
    .map(([key, child]) => {
      const childPath = path ? `${path}.${key}` : key;
      const nested = documentedChild(child);
      if (nested)
        queue.push({ path: nested.suffix ? `${childPath}${nested.suffix}` : childPath, node: nested.node });
      const type = `${typeOf(child)}${required.has(key) ? ', **required**' : ''}`;
      const fallback = child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``;
      return `| \`${key}\` | ${cell(type)} | ${cell(fallback)} | ${cell(child.description ?? '')} |`;
    });
  if (rows.length === 0) return ['(no other fields)'];
  return ['| Field | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows];
}

/** The object (or union of objects) a property leads to, documented in a section of its own. */
function documentedChild(node: JsonSchema): { node: JsonSchema; suffix: string } | undefined {
  if (node.properties || objectVariants(node)) return { node, suffix: '' };
  const item = node.items && objectShape(node.items);
  if (item) return { node: { ...item, description: item.description ?? node.description }, suffix: '[]' };
  const values = node.additionalProperties;
  if (typeof values === 'object' && values.properties) return { node: values, suffix: '.<name>' };
  return undefined;
}

/** An object, a union of objects, or the one object branch of a union with scalars (a shorthand string). */
function objectShape(node: JsonSchema): JsonSchema | undefined {
  if (node.properties || objectVariants(node)) return node;
  const objects = (node.oneOf ?? node.anyOf ?? []).filter((branch) => branch.properties);
  return objects.length === 1 ? objects[0] : undefined;
}

function objectVariants(node: JsonSchema): JsonSchema[] | undefined {
  const branches = node.oneOf ?? node.anyOf;
  if (!branches || node.title === DURATION_TITLE) return undefined;
  return branches.every((branch) => branch.properties) ? branches : undefined;
}

/** The property whose constant value tells the variants apart (`kind`, `type`, `model`). */
function discriminator(variants: readonly JsonSchema[]): string | undefined {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((key) => variants.every((v) => v.properties?.[key]?.const !== undefined));
}

function sharedFields(variants: readonly JsonSchema[], tag: string | undefined): Set<string> {
  if (variants.length < 2) return new Set();
  const [first, ...rest] = variants as [JsonSchema, ...JsonSchema[]];
  const keys = Object.keys(first.properties ?? {}).filter(
    (key) =>
      key !== tag &&
      rest.every((v) => JSON.stringify(v.properties?.[key]) === JSON.stringify(first.properties?.[key])),
  );
  return new Set(keys);
}

/** A short, readable type: "duration", "number in [0, 1]", "one of `a`, `b`", "list of object". */
export function typeOf(node: JsonSchema): string {
  if (node.title === DURATION_TITLE) return 'duration';
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const branches = node.oneOf ?? node.anyOf;
  if (branches)
    return objectVariants(node) ? 'object, one of the variants below' : branches.map(typeOf).join(' or ');
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type;
  switch (type) {
    case 'integer':
    case 'number':
      return `${type}${range(node)}`;
    case 'string': {
      const max = typeof node.maxLength === 'number' ? ` of at most ${node.maxLength} characters` : '';
      return `${typeof node.minLength === 'number' && node.minLength > 0 ? 'non-empty string' : 'string'}${max}`;
    }
    case 'array':
      return `list of ${node.items ? typeOf(node.items) : 'any'}${itemCount(node)}`;
    case 'object':
      if (node.properties) return 'object';
      return typeof node.additionalProperties === 'object' && node.additionalProperties.properties
        ? 'map of name → object'
        : 'object';
    case undefined:
      return 'any';
    default:
      return type;
  }
}

function itemCount(node: JsonSchema): string {
  const min = typeof node.minItems === 'number' && node.minItems > 0 ? node.minItems : undefined;
  const max = typeof node.maxItems === 'number' ? node.maxItems : undefined;
  if (min !== undefined && max !== undefined) return ` (${min} to ${max})`;
  if (min !== undefined) return ` (at least ${min})`;
  if (max !== undefined) return ` (at most ${max})`;
  return '';
}

/** The named bounds of src/scenario/limits.ts; values past them are refused at load with the bound named. */
function limitsTable(): string[] {
  return [
    '',
    '#### Limits',
    '',
    'Values past these bounds are refused at load (exit 2) with the bound named; they are the constants of `src/scenario/limits.ts`.',
    '',
    '| Limit | Value | Bounds |',
    '| --- | --- | --- |',
    ...Object.entries(LIMITS).map(
      ([name, limit]) => `| \`${name}\` | ${limit.value.toLocaleString('en-US')} | ${cell(limit.bounds)} |`,
    ),
  ];
}

function range(node: JsonSchema): string {
  const bound = (key: string) => {
    const value = node[key];
    return typeof value === 'number' && Math.abs(value) < SAFE_INTEGER ? value : undefined;
  };
  const min = bound('minimum');
  const max = bound('maximum');
  const above = bound('exclusiveMinimum');
  if (min !== undefined && max !== undefined) return ` in [${min}, ${max}]`;
  if (above !== undefined && max !== undefined) return ` in (${above}, ${max}]`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (above !== undefined) return ` > ${above}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
