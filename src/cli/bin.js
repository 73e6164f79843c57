#!/usr/bin/env node
// The one plain-JS file: registers tsx so faultline (and users' TypeScript scenarios, configs and
// clients) load without a build step, then hands over to the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
// `faultline schema | head`: once the reader has gone, there is no one to tell; leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
