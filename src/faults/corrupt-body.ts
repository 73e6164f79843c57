import type { FaultEffect } from './effect.ts';

export type Corruption = NonNullable<FaultEffect['corrupt']>;

/** What a gateway in trouble sends instead of JSON. */
const GARBAGE = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/**
 * The body a client receives when the response is damaged on the way: never valid JSON for an object or
 * array body, a string as the contract says non-JSON bodies are delivered.
 */
export function corruptBody(body: unknown, mode: Corruption): string {
  switch (mode) {
    case 'empty':
      return '';
    case 'garbage':
      return GARBAGE;
    case 'truncated': {
      // JSON.stringify gives undefined for undefined/functions: there is nothing to cut, so the body is empty.
      const text: string = JSON.stringify(body) ?? '';
      // Cutting strictly inside drops at least the closing bracket or quote.
      return text.length < 2 ? '' : text.slice(0, Math.floor(text.length / 2));
    }
  }
}
