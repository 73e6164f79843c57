import { defineClientBackend, installNockInterception } from 'faultline/nock';

/**
 * Your own client code run under the scenario, its requests answered by nock: for clients built on
 * node:http that need real error codes (ECONNRESET...) on network faults, which msw cannot give.
 */
export default defineClientBackend('nock', installNockInterception);
