import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { clearSecrets, registerSecret } from '../../src/logging/secrets.ts';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('createLogger', () => {
  it('writes JSON lines at the chosen level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    logger.info('hidden');
    logger.warn({ route: '/api/analyze' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'shown', route: '/api/analyze' });
  });

  it('redacts headers, tokens in URLs, errors and the message itself', () => {
    registerSecret('sk-live-abcdef123456');
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'trace', destination });
    logger.info(
      {
        req: {
          headers: { authorization: 'Bearer sk-live-abcdef123456', cookie: 'sid=1' },
          url: '/x?api_key=zzz',
        },
      },
      'calling with sk-live-abcdef123456',
    );
    logger.error({ err: new Error('upstream refused key sk-live-abcdef123456') }, 'failed');
    const output = lines.join('');
    expect(output).not.toContain('sk-live-abcdef123456');
    expect(output).not.toContain('sid=1');
    expect(output).not.toContain('zzz');
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first.req.headers).toEqual({ authorization: '[REDACTED]', cookie: '[REDACTED]' });
    expect(first.msg).toBe('calling with [REDACTED]');
    expect(second.err.message).toBe('upstream refused key [REDACTED]');
    clearSecrets();
  });
});
