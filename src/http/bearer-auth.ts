import { createHash, timingSafeEqual } from 'node:crypto';
import { FaultlineError } from '../errors/faultline-error.ts';
import { registerSecret } from '../logging/secrets.ts';

/** Checks an Authorization header against a token; true when it matches. */
export type BearerCheck = (authorization: string | undefined) => boolean;

/**
 * Bearer authentication with the token read from the environment variable `envName`. The token is
 * registered for redaction, and compared through digests in constant time so timing reveals nothing.
 */
export function bearerCheckFromEnv(envName: string, env: NodeJS.ProcessEnv = process.env): BearerCheck {
  const token = env[envName];
  if (!token) {
    throw new FaultlineError(
      'AUTH_ENV_MISSING',
      `Environment variable ${envName} (given by --auth-env) is not set or empty; export the API token in it.`,
    );
  }
  registerSecret(token);
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
