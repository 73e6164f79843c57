// Runs the real CLI in this process, as bin.js would, and writes the process's own resource usage
// (peak RSS in KB and CPU time in ms, as getrusage reports them) to file descriptor 3 when it exits, however it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(
    3,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
  );
});
await import('../../dist/src/cli/bin.js');
