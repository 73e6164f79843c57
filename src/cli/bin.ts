#!/usr/bin/env node
// faultline's command line, run as built JavaScript: nothing is transpiled at start-up (tsx is loaded
// only when a user's own .ts scenario, config, plugin or client is imported).
import { main } from './main.ts';

// `faultline schema | head`: once the reader has gone, there is no one to tell; leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
process.exitCode = await main(process.argv.slice(2));
