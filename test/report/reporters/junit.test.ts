import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJunitReporter, renderJunit } from '../../../src/report/reporters/junit.ts';
import { context, hypothesis, makeResult, outcome, plan, twoScenarioSummary } from './fixture.ts';

const attr = (xml: string, tag: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('junit reporter', () => {
  it('has one test case per scenario × hypothesis, with counts that add up', () => {
    const xml = renderJunit(twoScenarioSummary());
    // 2 + 3 hypotheses; the failing scenario has exactly one failed hypothesis.
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(attr(xml, 'testsuites', 'tests')).toEqual(['5']);
    expect(attr(xml, 'testsuites', 'failures')).toEqual(['1']);
    expect(attr(xml, 'testsuite', 'tests')).toEqual(['2', '3']);
    expect(attr(xml, 'testsuite', 'failures')).toEqual(['0', '1']);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(/<failure message="p99 stays low: expected latency\.p99 &lt; 300, measured 480ms"/);
  });

  it('records the seed as a property of each suite', () => {
    const xml = renderJunit(twoScenarioSummary());
    expect(xml).toContain('<property name="seed" value="1"/>');
    expect(xml).toContain('<property name="seed" value="42"/>');
  });

  it('escapes user strings in names and messages', () => {
    const result = makeResult({
      scenario: { name: 'a<b>&"c"' },
      hypotheses: [hypothesis({ name: "x' <y>", pass: false, actual: 0.5 })],
    });
    const xml = renderJunit({ outcomes: [outcome(result)], notRun: [], interrupted: false, wallMs: 1 });
    expect(xml).toContain('name="a&lt;b&gt;&amp;&quot;c&quot;"');
    expect(xml).toContain('name="x&#39; &lt;y&gt;"');
    expect(xml).not.toMatch(/<y>/);
  });

  it('marks an interrupted run as an error and scenarios that never ran as skipped', () => {
    const interrupted = makeResult({ complete: false, verdict: 'fail', hypotheses: [hypothesis()] });
    const xml = renderJunit({
      outcomes: [outcome(interrupted)],
      notRun: [plan({ name: 'later', seed: 9, index: 1, count: 2 })],
      interrupted: true,
      wallMs: 5,
    });
    expect(attr(xml, 'testsuites', 'errors')).toEqual(['1']);
    expect(attr(xml, 'testsuites', 'skipped')).toEqual(['1']);
    expect(attr(xml, 'testsuites', 'tests')).toEqual(['3']);
    expect(xml).toContain('<skipped/>');
  });

  it('writes junit.xml inside the output folder by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-junit-'));
    const { ctx } = context(dir);
    await createJunitReporter({}, ctx).onRunEnd?.(twoScenarioSummary());
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /,
    );
  });
});
