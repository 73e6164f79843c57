import { z } from 'zod';
import type { AnalysisEndpoint } from '../backend/contract.ts';

/**
 * The shape of every analysis response, as zod schemas: the single source of the response types and of
 * the client's check for malformed bodies. Objects are loose (extra keys allowed) so a newer server that
 * adds a field is not reported as malformed.
 */
export const languageSchema = z.enum(['en', 'fr']);
export type Language = z.output<typeof languageSchema>;

const offset = z.number().int().min(0);

/** A rule's match in the input: `excerpt` is `text.slice(start, end)`. */
export const findingSchema = z.object({
  rule: z.string().min(1),
  name: z.string(),
  start: offset,
  end: offset,
  excerpt: z.string(),
  explanation: z.string(),
  /** The rule id again, under the name the reference API uses; optional so older servers still pass. */
  type: z.string().optional(),
  /** 1 − 0.5^(cues + 1): each distinct cue of the rule matching here halves the doubt (one cue: 0.75). */
  confidence: z.number().min(0).max(1).optional(),
});
export type Finding = z.output<typeof findingSchema>;

/** A premise or the conclusion; `indicator` is the word that marked its role, null when none did. */
export const statementSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  start: offset,
  end: offset,
  indicator: z.string().nullable(),
});
export type Statement = z.output<typeof statementSchema>;

/** How the conclusion was found: an indicator word, its position (last unmarked claim), or not at all. */
export const reconstructionMethodSchema = z.enum(['indicator', 'position', 'none']);

export const argumentSchema = z.object({
  method: reconstructionMethodSchema,
  premises: z.array(statementSchema),
  conclusion: statementSchema.nullable(),
});
export type Argument = z.output<typeof argumentSchema>;

export const reasonSchema = z.object({ code: z.string(), penalty: z.number(), message: z.string() });
export type Reason = z.output<typeof reasonSchema>;

export const assessmentSchema = z.object({
  verdict: z.enum(['valid', 'weak', 'fallacious']),
  score: z.number().min(0).max(1),
  reasons: z.array(reasonSchema),
});
export type Assessment = z.output<typeof assessmentSchema>;

export const graphNodeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['premise', 'conclusion']),
  text: z.string(),
  start: offset,
  end: offset,
  /** Ids of the rules whose findings overlap this statement. */
  fallacies: z.array(z.string()),
});
export const graphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  relation: z.literal('supports'),
  indicator: z.string().nullable(),
});
export type GraphNode = z.output<typeof graphNodeSchema>;
export type GraphEdge = z.output<typeof graphEdgeSchema>;

export const responseSchemas = {
  '/api/health': z.object({ status: z.literal('ok') }),
  '/api/analyze': z.object({
    language: languageSchema,
    sentenceCount: z.number().int().min(1),
    wordCount: z.number().int().min(0),
    fallacies: z.array(findingSchema),
    argument: argumentSchema,
    assessment: assessmentSchema,
    /** Optional in the check, so a server from before these fields is not reported malformed. */
    sentiment: z.enum(['positive', 'negative', 'neutral']).optional(),
    complexity: z.enum(['low', 'medium', 'high']).optional(),
  }),
  '/api/detect-fallacies': z.object({
    language: languageSchema,
    count: z.number().int().min(0),
    fallacies: z.array(findingSchema),
  }),
  '/api/reconstruct': z.object({ language: languageSchema, ...argumentSchema.shape }),
  '/api/validate': z.object({
    language: languageSchema,
    ...assessmentSchema.shape,
    fallacyCount: z.number().int().min(0),
  }),
  '/api/logic-graph': z.object({
    language: languageSchema,
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
  }),
} as const satisfies Record<AnalysisEndpoint, z.ZodType>;

export type AnalysisRoute = keyof typeof responseSchemas;
export type ResponseBody<R extends AnalysisRoute> = z.output<(typeof responseSchemas)[R]>;

/** Error bodies of every route: `{ error: { code, message } }`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}
