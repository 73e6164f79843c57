import { z } from 'zod';
import { defineBackend } from '../src/backend/contract.ts';

const BODY = Object.freeze({ language: 'en', sentenceCount: 1, fallacies: [] });

/** A backend plugin answering at once, so the interception suite (bench/suites/interception.ts) measures the interception alone. */
export default defineBackend({
  name: 'trivial',
  options: z.strictObject({}),
  create: () => ({
    name: 'trivial',
    call: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: BODY }),
  }),
});
