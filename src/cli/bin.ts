#!/usr/bin/env node
// faultline's command line, run as built JavaScript: nothing is transpiled at start-up (tsx is loaded
// only when a user's own .ts scenario, config, plugin or client is imported).
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
