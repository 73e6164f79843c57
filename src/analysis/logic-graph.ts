import type { Argument, Finding, GraphEdge, GraphNode, Statement } from './response-schemas.ts';
import { overlaps } from './span.ts';

export interface LogicGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

/** Nodes are the statements (tagged with the fallacies found inside them); each premise supports the conclusion. */
export function buildLogicGraph(argument: Argument, findings: readonly Finding[]): LogicGraph {
  const { premises, conclusion } = argument;
  const nodes = premises.map((premise) => node(premise, 'premise', findings));
  if (!conclusion) return { nodes, edges: [] };
  nodes.push(node(conclusion, 'conclusion', findings));
  const edges = premises.map(
    (premise): GraphEdge => ({
      from: premise.id,
      to: conclusion.id,
      relation: 'supports',
      indicator: premise.indicator ?? conclusion.indicator,
    }),
  );
  return { nodes, edges };
}

function node(statement: Statement, kind: GraphNode['kind'], findings: readonly Finding[]): GraphNode {
  const rules = new Set<string>();
  for (const finding of findings) if (overlaps(finding, statement)) rules.add(finding.rule);
  return {
    id: statement.id,
    kind,
    text: statement.text,
    start: statement.start,
    end: statement.end,
    fallacies: [...rules],
  };
}
