import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/reporters/html/page.ts';
import { renderJunit } from '../../../src/report/reporters/junit.ts';
import { findChromium } from '../../browser/find-chromium.ts';
import { hypothesis, makeResult, outcome, twoScenarioSummary } from './fixture.ts';

const CHROMIUM = findChromium();
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'faultline-html-'));

beforeAll(async () => {
  if (CHROMIUM.path) browser = await chromium.launch({ executablePath: CHROMIUM.path, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

async function open(html: string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`fetched ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems, file };
}

describe.skipIf(!CHROMIUM.path)('html reporter in headless Chromium', () => {
  it('renders every chart with no console errors and nothing fetched', async () => {
    const { page, problems } = await open(renderHtml(twoScenarioSummary()), 'report.html');
    // Four charts per scenario: latency, throughput, error rate, breaker state.
    const charts = await page.locator('svg.chart').count();
    expect(charts).toBe(8);
    const sizes = await page.locator('svg.chart').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height };
      }),
    );
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(300);
      expect(size.height).toBeGreaterThan(40);
    }
    // Each line series is drawn through the 60 buckets of the fixture's timeline.
    const segments = await page
      .locator('path.series')
      .evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0));
    expect(segments).toHaveLength(12);
    for (const count of segments) expect(count).toBe(60);
    // The fixture's breaker opens twice: two open spans, two half-open, closed before and after.
    const second = page.locator('section.scenario').nth(1);
    expect(await second.locator('rect.breaker-open').count()).toBe(2);
    expect(await second.locator('rect.breaker-half-open').count()).toBe(2);
    expect(await second.locator('rect.breaker-closed').count()).toBe(2);
    // Phases shaded on the three time charts.
    expect(await second.locator('rect.band').count()).toBe(9);
    expect(await second.locator('table.hypotheses tbody tr').count()).toBe(3);
    const shot = join(tmpdir(), 'faultline-html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what it shows: no cache tile without a cache, ratios as percentages, fallback latency named, short phases labelled', async () => {
    const base = makeResult();
    const [healthy, outage, recovery] = base.phases;
    if (!healthy || !outage || !recovery) throw new Error('fixture has three phases');
    const withFallbacks = makeResult({
      requests: { ...base.requests, fellBack: 40 },
      // A 2-second blip in a 5-minute run: far too narrow for its name.
      phases: [healthy, { ...outage, name: 'blip', fromMs: 100_000, toMs: 102_000 }, recovery],
      hypotheses: [
        hypothesis({ name: 'available', metric: 'availability', value: 0.99, actual: 1 }),
        hypothesis({ name: 'fast', metric: 'latency.p99', op: '<', value: 50, actual: 0 }),
      ],
    });
    const cached = makeResult({
      cache: { ...base.cache, hits: 30, misses: 10, lookups: 40, hitRatio: 0.75 },
    });
    const summary = {
      outcomes: [outcome(withFallbacks, { index: 0, count: 2 }), outcome(cached, { index: 1, count: 2 })],
      notRun: [],
      interrupted: false,
      wallMs: 1,
    };
    const { page, problems } = await open(renderHtml(summary), 'small-fixes.html');
    const [first, second] = [
      page.locator('section.scenario').nth(0),
      page.locator('section.scenario').nth(1),
    ];
    expect(await first.locator('.facts dt', { hasText: 'cache hit ratio' }).count()).toBe(0);
    expect(await second.locator('.facts dt', { hasText: 'cache hit ratio' }).count()).toBe(1);
    expect(
      await first.locator('.facts dt', { hasText: 'p50 / p99 (fallback answers included)' }).count(),
    ).toBe(1);
    const measured = await first.locator('table.hypotheses tbody td:last-child').allTextContents();
    expect(measured).toEqual(['100%', '0ms (incl. 40 fallback answers)']);
    // The narrow phase is still named on each time chart, apart from the wide ones' labels.
    expect(await first.locator('text.band-label.narrow', { hasText: 'blip' }).count()).toBe(3);
    // The second series of a chart is dashed, so it shows where it runs over the first.
    const dashes = await first
      .locator('path.series')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray')));
    expect(dashes).toEqual([null, '6 3', null, '6 3', null, '6 3']);
    // Charts follow the page's width: a phone-sized window shows them whole, with no sideways scroll.
    await page.setViewportSize({ width: 420, height: 800 });
    const widths = await page
      .locator('svg.chart')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    for (const width of widths) expect(width).toBeLessThanOrEqual(420);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows user strings as text, never as markup', async () => {
    const evil = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>';
    const result = makeResult({
      scenario: { name: evil, description: evil },
      hypotheses: [hypothesis({ name: evil, pass: false })],
      phases: [{ ...makeResult().phases[0]!, name: evil }],
    });
    const { page, problems } = await open(
      renderHtml({ outcomes: [outcome(result, { file: evil })], notRun: [], interrupted: false, wallMs: 1 }),
      'evil.html',
    );
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).toBe('faultline report');
    expect(await page.locator('section.scenario h2').textContent()).toContain(evil);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('writes JUnit XML that a real XML parser accepts, with the right counts', async () => {
    const xml = renderJunit(twoScenarioSummary());
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error?.textContent ?? null,
        root: root.tagName,
        tests: root.getAttribute('tests'),
        failures: root.getAttribute('failures'),
        suites: doc.querySelectorAll('testsuite').length,
        cases: doc.querySelectorAll('testcase').length,
        failed: doc.querySelectorAll('testcase > failure').length,
        seeds: Array.from(doc.querySelectorAll('property[name="seed"]'), (p) => p.getAttribute('value')),
      };
    }, xml);
    expect(parsed).toEqual({
      error: null,
      root: 'testsuites',
      tests: '5',
      failures: '1',
      suites: 2,
      cases: 5,
      failed: 1,
      seeds: ['1', '42'],
    });
    await page.close();
  });
});

// Without Chromium the suite above is skipped with a notice, except in CI, where a missing browser fails.
describe.runIf(!CHROMIUM.path)('html reporter without Chromium', () => {
  it.runIf(CHROMIUM.required)('finds Chromium (required under CI=true)', () => {
    expect.fail(CHROMIUM.notice);
  });
});
