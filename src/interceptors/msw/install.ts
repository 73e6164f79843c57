import { setupServer } from 'msw/node';
import { claimInterceptor } from '../active-interceptor.ts';
import type { InstallInterception } from '../interception.ts';
import { isNockActive } from '../nock/load-nock.ts';
import { createChaosHandlers } from './create-handlers.ts';

/**
 * Starts an msw server with the chaos handlers only. A request no handler matches is failed (never sent
 * to the network) and recorded in `stats.unhandled`, so a test helper can fail the test.
 */
export const installMswInterception: InstallInterception = (exchange, target) => {
  const release = claimInterceptor('msw', isNockActive() ? 'nock' : undefined);
  try {
    const server = setupServer(...createChaosHandlers(exchange, target));
    server.events.on('request:unhandled', ({ request }) => {
      exchange.stats.unhandledRequest(`${request.method} ${request.url}`);
    });
    server.listen({ onUnhandledRequest: 'error' });
    return {
      kind: 'msw',
      uninstall() {
        server.close();
        exchange.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};
