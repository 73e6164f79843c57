#!/usr/bin/env node
// The one plain-JS file: registers tsx so faultline (and users' TypeScript scenarios, configs and
// clients) load without a build step, then hands over to the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
