import * as crypto from 'node:crypto';
import type { BackendRequest } from '../backend/contract.ts';

// crypto.hash (Node 20.12+) is about twice as fast as createHash for short bodies.
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64url')
    : (text) => crypto.createHash('sha256').update(text).digest('base64url');

/**
 * Keys of deep-frozen requests, by identity. A simulation's request source hands out the same frozen
 * objects over and over; a frozen request cannot change, so its key is computed once. Requests that are
 * not frozen (a caller's fresh objects) are hashed every time.
 */
const frozenKeys = new WeakMap<BackendRequest, string>();

/** Same method, path and JSON body ⇒ same key; the body is hashed so keys stay short. */
export function cacheKey(request: BackendRequest): string {
  const known = frozenKeys.get(request);
  if (known !== undefined) return known;
  const body = request.body === undefined ? '' : sha256(JSON.stringify(request.body));
  const key = `${request.method} ${request.path} ${body}`;
  if (isDeepFrozen(request)) frozenKeys.set(request, key);
  return key;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!isDeepFrozen(child)) return false;
  return true;
}
