import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../../../src/report/reporters/console.ts';
import { money } from '../../../src/report/reporters/money.ts';
import { context, makeResult, outcome } from './fixture.ts';

const PRICED = makeResult({
  scenario: { name: 'priced' },
  cost: { currency: 'USD', total: 3.6, perRequest: 0.001, perDay: 3897.12, byBackend: { primary: 3.6 } },
});

async function resultLine(result = PRICED): Promise<string> {
  const { ctx, output } = context('/tmp');
  const reporter = createConsoleReporter({}, ctx);
  await reporter.onScenarioEnd?.(outcome(result));
  return (
    output()
      .split('\n')
      .find((l) => /^[✓✗!] /.test(l)) ?? ''
  );
}

describe('console reporter: cost beside backend calls', () => {
  it('puts cost per request and per day right after calls/req when the scenario prices its backends', async () => {
    const line = await resultLine();
    const calls = `${PRICED.backend.callsPerRequest.toFixed(2)} calls/req`;
    expect(line).toContain(`${calls} · $0.001/req ($3,897/day) · `);
  });

  it('shows no cost when the scenario sets none', async () => {
    const { cost: _none, ...unpriced } = PRICED;
    const line = await resultLine({ ...unpriced, scenario: { name: 'free' } });
    expect(line).toContain('calls/req');
    expect(line).not.toMatch(/\/req \(|\/day/);
  });

  it('formats money in the result’s currency: whole units from 100, cents from 1, 3 digits below', () => {
    expect(money(3897.12, 'USD')).toBe('$3,897');
    expect(money(72, 'USD')).toBe('$72.00');
    expect(money(0.0125, 'EUR')).toBe('€0.0125');
    expect(money(0.000123456, 'USD')).toBe('$0.000123');
    expect(money(0, 'USD')).toBe('$0');
  });
});
