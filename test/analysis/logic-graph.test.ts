import { describe, expect, it } from 'vitest';
import { buildLogicGraph } from '../../src/analysis/logic-graph.ts';
import { analyseText } from '../../src/analysis/text-analysis.ts';

const graph = (text: string) => {
  const analysis = analyseText(text);
  return buildLogicGraph(analysis.argument, analysis.fallacies);
};

describe('buildLogicGraph', () => {
  it('links every premise to the conclusion with the indicator that marks the step', () => {
    const { nodes, edges } = graph('Whales are mammals. Mammals breathe air. Therefore, whales breathe air.');
    expect(nodes.map((n) => [n.id, n.kind])).toEqual([
      ['p1', 'premise'],
      ['p2', 'premise'],
      ['c1', 'conclusion'],
    ]);
    expect(edges).toEqual([
      { from: 'p1', to: 'c1', relation: 'supports', indicator: 'therefore' },
      { from: 'p2', to: 'c1', relation: 'supports', indicator: 'therefore' },
    ]);
  });

  it("prefers a premise's own indicator for its edge", () => {
    expect(graph('The match is off because it rained.').edges).toEqual([
      { from: 'p1', to: 'c1', relation: 'supports', indicator: 'because' },
    ]);
  });

  it('tags the statements a fallacy falls in', () => {
    const { nodes } = graph('You are a liar, so your plan will fail.');
    expect(nodes.map((n) => [n.text, n.fallacies])).toEqual([
      ['You are a liar', ['ad-hominem']],
      ['your plan will fail', []],
    ]);
  });

  it('has nodes but no edges when no conclusion was found', () => {
    expect(graph('Because it rained.')).toMatchObject({ nodes: [{ id: 'p1' }], edges: [] });
  });
});
