import { defineClientBackend, installMswInterception } from 'faultline/msw';

/** Your own client code (fetch, axios, got, ky...) run under the scenario, its requests answered by msw. */
export default defineClientBackend('msw', installMswInterception);
