/**
 * The seed a sharded unit runs with when neither the scenario nor --seed names one: taken from the
 * file's bytes, so every shard (on any machine) plans the same seed without talking to the others.
 */
export function contentSeed(scenarioSha256: string): number {
  return Number.parseInt(scenarioSha256.slice(0, 8), 16) & 0x7fffffff;
}
