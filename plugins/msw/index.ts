import { defineClientBackend } from '../../src/interceptors/client/client-backend.ts';
import { installMswInterception } from '../../src/interceptors/msw/install.ts';

/** Your own client code (fetch, axios, got, ky...) run under the scenario, its requests answered by msw. */
export default defineClientBackend('msw', installMswInterception);
