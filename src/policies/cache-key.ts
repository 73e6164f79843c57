import * as crypto from 'node:crypto';
import type { BackendRequest } from '../backend/contract.ts';

// crypto.hash (Node 20.12+) is about twice as fast as createHash for short bodies.
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64url')
    : (text) => crypto.createHash('sha256').update(text).digest('base64url');

/**
 * Hashes of deep-frozen bodies, by identity. A simulation's request source hands out the same frozen
 * bodies over and over (each request in an envelope of its own); a frozen body cannot change, so its
 * hash is computed once. Bodies that are not frozen (a caller's fresh objects) are hashed every time.
 */
const frozenBodyHashes = new WeakMap<object, string>();

/** Same method, path and JSON body ⇒ same key; the body is hashed so keys stay short. */
export function cacheKey(request: BackendRequest): string {
  return `${request.method} ${request.path} ${memoBodyHash(request.body)}`;
}

function memoBodyHash(body: unknown): string {
  if (typeof body !== 'object' || body === null) return bodyHash(body);
  const known = frozenBodyHashes.get(body);
  if (known !== undefined) return known;
  const hash = bodyHash(body);
  if (isDeepFrozen(body)) frozenBodyHashes.set(body, hash);
  return hash;
}

/**
 * The analysis API's `{ text }` body is hashed from its text alone: JSON.stringify of a 1 KB text costs
 * more than the sha256 (about 1.1 µs against 0.8 µs here). A prefix tells the two kinds of hash apart,
 * so they never collide; a `{ text }` body that only serialises alike (an extra undefined field) merely
 * misses.
 */
function bodyHash(body: unknown): string {
  if (body === undefined) return '';
  const text = onlyText(body);
  return text === undefined ? `j${sha256(JSON.stringify(body))}` : `t${sha256(text)}`;
}

/** The text of a plain `{ text: string }` object (nothing else, no toJSON to honour), else undefined. */
function onlyText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'text') return;
  const { text } = body as { text: unknown };
  return typeof text === 'string' ? text : undefined;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!isDeepFrozen(child)) return false;
  return true;
}
