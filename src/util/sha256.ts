import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or text: how faultline names a scenario file's exact contents. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
