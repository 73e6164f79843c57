import type { z } from 'zod';
import { didYouMean } from '../util/did-you-mean.ts';

/** The parts of a zod definition the walk reads (zod 4 keeps them under `_zod.def`). */
interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change where a field is: optional, default, a transform's input, lazy... */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The concrete schemas a value at this schema may match: wrappers peeled, unions spread out. */
function alternatives(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 32) return [];
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return alternatives(def.innerType, depth + 1);
  if (def.type === 'pipe' && def.in) return alternatives(def.in, depth + 1);
  if (def.type === 'lazy' && def.getter) return alternatives(def.getter(), depth + 1);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => alternatives(o, depth + 1));
  return [schema];
}

/** The schemas one path segment leads to: an object's field, any record key, an array index. */
function childrenOf(schema: z.ZodType, segment: string, fieldsOnly = false): z.ZodType[] {
  return alternatives(schema).flatMap((alt) => {
    const def = defOf(alt);
    if (def.type === 'object' && def.shape && Object.hasOwn(def.shape, segment)) {
      return [def.shape[segment] as z.ZodType];
    }
    if (fieldsOnly) return [];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    if (def.type === 'array' && def.element && /^\d+$/.test(segment)) return [def.element];
    return [];
  });
}

/** The field names an object at this schema may have (for did-you-mean). */
function fieldNames(schema: z.ZodType): string[] {
  const names = alternatives(schema).flatMap((alt) => Object.keys(defOf(alt).shape ?? {}));
  return [...new Set(names)];
}

export type PathLookup =
  | { readonly found: true; readonly schemas: readonly z.ZodType[]; readonly block: boolean }
  | { readonly found: false; readonly problem: string };

/**
 * Where a dotted path (`policies.retry.maxAttempts`, `phases.1.faults.0.rate`, `backends.primary.cost.perCall`)
 * lands in a schema, read from the schema itself so every field the schema gains is a valid path at
 * once. `block` is true when the path names an object (a policy, a cache), which a sweep can turn on or off.
 */
export function lookupPath(root: z.ZodType, path: string): PathLookup {
  const segments = path.split('.');
  let current: z.ZodType[] = [root];
  for (const [index, segment] of segments.entries()) {
    const next = current.flatMap((schema) => childrenOf(schema, segment));
    if (next.length === 0 || segment === '') {
      const prefix = segments.slice(0, index).join('.');
      const names = [...new Set(current.flatMap(fieldNames))];
      // A path that skipped a level ("cache" for "policies.cache") is found one field further down.
      const skipped = names.find((name) =>
        current.some((schema) =>
          childrenOf(schema, name, true).some((c) => childrenOf(c, segment, true).length > 0),
        ),
      );
      const hint = skipped ? `${skipped}.${segment}` : didYouMean(segment, names);
      const here = prefix ? `${prefix} has` : 'a scenario has';
      const suggestion = hint
        ? `; did you mean ${[...segments.slice(0, index), hint, ...segments.slice(index + 1)].join('.')}?`
        : names.length > 0
          ? `; it has ${names.join(', ')}`
          : `; ${prefix || 'it'} takes a value, not fields`;
      return { found: false, problem: `${path}: ${here} no field "${segment}"${suggestion}` };
    }
    current = next;
  }
  const block = current.some((schema) =>
    alternatives(schema).some((alt) => {
      const type = defOf(alt).type;
      return type === 'object' || type === 'record';
    }),
  );
  return { found: true, schemas: current, block };
}
