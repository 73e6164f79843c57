import { defineClientBackend } from '../../src/interceptors/client/client-backend.ts';
import { installNockInterception } from '../../src/interceptors/nock/install.ts';

/**
 * Your own client code run under the scenario, its requests answered by nock: for clients built on
 * node:http that need real error codes (ECONNRESET...) on network faults, which msw cannot give.
 */
export default defineClientBackend('nock', installNockInterception);
