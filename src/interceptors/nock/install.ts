import { FaultlineError } from '../../errors/faultline-error.ts';
import { claimInterceptor } from '../active-interceptor.ts';
import type { InstallInterception } from '../interception.ts';
import { defineChaosInterceptors } from './create-interceptors.ts';
import { loadNock, setNockVirtualTime } from './load-nock.ts';

interface NoMatch {
  readonly method?: string;
  readonly proto?: string;
  readonly host?: string;
  readonly path?: string;
}

/**
 * Turns nock on with the chaos interceptors and real connections refused: a request no interceptor
 * matches fails with nock's NetConnectNotAllowedError and is recorded in `stats.unhandled`. Uninstalling
 * removes exactly these interceptors and switches nock off again, unless the test had it on before.
 */
export const installNockInterception: InstallInterception = (exchange, target) => {
  if (process.env.NOCK_OFF === 'true') {
    throw new FaultlineError(
      'NOCK_OFF',
      'NOCK_OFF=true switches nock off, so requests would reach the real network: unset it to run chaos through nock.',
    );
  }
  const release = claimInterceptor('nock');
  const nock = loadNock();
  const activatedHere = !nock.isActive();
  if (activatedHere) nock.activate();
  nock.disableNetConnect();
  setNockVirtualTime(exchange.clock.kind === 'virtual');
  // nock reports a miss with the request options, or (for a known host) with its request then the options.
  const onNoMatch = (first: NoMatch, options?: NoMatch) => {
    const request = options ?? first;
    exchange.stats.unhandledRequest(
      `${request.method ?? 'GET'} ${request.proto ?? 'http'}://${request.host ?? '?'}${request.path ?? ''}`,
    );
  };
  nock.emitter.on('no match', onNoMatch);
  const interceptors = defineChaosInterceptors(nock, exchange, target);
  return {
    kind: 'nock',
    uninstall() {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      nock.emitter.off('no match', onNoMatch);
      nock.enableNetConnect();
      setNockVirtualTime(false);
      if (activatedHere) nock.restore();
      exchange.close();
      release();
    },
  };
};
