import { describe, expect, it } from 'vitest';
import { findLiteralSecrets } from '../../src/scenario/literal-secrets.ts';
import { parseScenarioText } from '../../src/scenario/yaml-source.ts';

const scan = (yaml: string) => findLiteralSecrets(parseScenarioText('s.yaml', yaml));

describe('findLiteralSecrets', () => {
  it('flags credential-named keys with literal values, at their line, without printing the value', () => {
    const warnings = scan(`name: t
backends:
  primary:
    plugin: ./client.ts
    options:
      apiKey: abc123secretvalue
      password: hunter2
`);
    expect(warnings.map((w) => w.path)).toEqual([
      'backends.primary.options.apiKey',
      'backends.primary.options.password',
    ]);
    expect(warnings[0]?.message).toMatch(
      /^s\.yaml:6:\d+ at backends\.primary\.options\.apiKey: "apiKey" has a literal value; .*\$\{env:NAME\}/,
    );
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/abc123secretvalue|hunter2/);
  });

  it('flags values shaped like well-known tokens under any key', () => {
    const warnings = scan(`name: t
description: uses sk-abcdefghijklmnopqrstuvwx
options:
  url: https://user:pa55word@example.com/api
  header: Bearer abcdefghijkl.mnop
  note: ghp_abcdefghijklmnopqrstuvwxyz0123
`);
    expect(warnings.map((w) => w.path)).toEqual([
      'description',
      'options.url',
      'options.header',
      'options.note',
    ]);
  });

  it('accepts env references and keys that only name where a secret lives', () => {
    expect(
      scan(`name: t
options:
  apiKey: \${env:ANALYSIS_API_KEY}
  token: "Bearer \${env:TOKEN}"
  apiKeyEnv: ANALYSIS_API_KEY
  apiKeyHeader: authorization
  tokenUrl: https://auth.example.com/token
  password: ""
`),
    ).toEqual([]);
  });
});
