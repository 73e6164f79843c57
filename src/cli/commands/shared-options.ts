import type { Argv } from 'yargs';
import { BUILTIN_REPORTER_NAMES } from '../../report/reporters/index.ts';
import type { RunFlags } from '../run-settings.ts';

/** Where results go and how they are reported: `run`, `replay` and `merge`. */
export function withOutputOptions<T>(y: Argv<T>) {
  return y
    .option('reporter', {
      type: 'string',
      array: true,
      describe: `reporter, repeatable; name[:output file]: ${BUILTIN_REPORTER_NAMES.join(', ')}, or a module path (default: console and json)`,
    })
    .option('out-dir', {
      type: 'string',
      describe: 'folder for result files; reporter outputs stay inside it (default: faultline-results)',
    })
    .option('out', {
      type: 'string',
      describe: 'write the JSON result to this file (several scenarios: the name is added before .json)',
    })
    .option('quiet', { type: 'boolean', alias: 'q', describe: 'print only failures and the total' });
}

/** Options `run` and `replay` share: the output options, and the real API a run may call instead of its mocks. */
export function withReportOptions<T>(y: Argv<T>) {
  return withOutputOptions(y)
    .option('real-backend', {
      type: 'boolean',
      describe: 'replace mock-analysis backends with the real API at --api-url (runs in real time)',
    })
    .option('api-url', { type: 'string', describe: 'base URL of the real argument-analysis API' })
    .option('api-key-env', {
      type: 'string',
      describe: 'environment variable holding the API key (sent as a Bearer token; never printed)',
    })
    .option('allow-insecure-http', {
      type: 'boolean',
      describe: 'let the http backend use plain HTTP to non-local hosts',
    });
}

export type ReportFlags = Pick<RunFlags, 'reporter' | 'outDir' | 'quiet' | 'allowInsecureHttp'>;
