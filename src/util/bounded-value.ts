import { z } from 'zod';

/** How many keys (and array items) a value holds in all, and how deep it nests; stops past the bounds. */
function measure(value: unknown, maxKeys: number, maxDepth: number): { keys: number; depth: number } {
  let keys = 0;
  let deepest = 0;
  const visit = (node: unknown, depth: number): void => {
    if (keys > maxKeys || deepest > maxDepth || !node || typeof node !== 'object') return;
    deepest = Math.max(deepest, depth);
    const children = Array.isArray(node) ? node : Object.values(node);
    keys += children.length;
    for (const child of children) visit(child, depth + 1);
  };
  visit(value, 1);
  return { keys, depth: deepest };
}

/** A refinement that bounds a value's keys and items in all, and its nesting. */
export function sizeCheck(maxKeys: number, maxDepth: number) {
  return (value: unknown, ctx: z.RefinementCtx): void => {
    const { keys, depth } = measure(value, maxKeys, maxDepth);
    if (keys > maxKeys)
      ctx.addIssue({ code: 'custom', message: `holds over ${maxKeys} keys and items in all; trim it` });
    else if (depth > maxDepth)
      ctx.addIssue({ code: 'custom', message: `nests deeper than ${maxDepth} levels; flatten it` });
  };
}

/** Any JSON-like value (a fallback answer), with its size and nesting bounded. */
export function boundedValue(maxKeys: number, maxDepth: number) {
  return z.unknown().superRefine(sizeCheck(maxKeys, maxDepth));
}
