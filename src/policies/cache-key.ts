import * as crypto from 'node:crypto';
import type { BackendRequest } from '../backend/contract.ts';

// crypto.hash (Node 20.12+) is about twice as fast as createHash for short bodies.
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64url')
    : (text) => crypto.createHash('sha256').update(text).digest('base64url');

/** Same method, path and JSON body ⇒ same key; the body is hashed so keys stay short. */
export function cacheKey(request: BackendRequest): string {
  const body = request.body === undefined ? '' : sha256(JSON.stringify(request.body));
  return `${request.method} ${request.path} ${body}`;
}
