import { fileURLToPath } from 'node:url';
import { type GrpcObject, loadPackageDefinition, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { AnalysisEndpoint } from '../backend/contract.ts';

/** The .proto shipped beside this file: the analysis API as a gRPC service. */
export const ANALYSIS_PROTO = fileURLToPath(new URL('./analysis.proto', import.meta.url));

/** Each unary RPC and the HTTP route it answers as; the same body comes back in `body_json`. */
export const RPC_BY_ROUTE = {
  '/api/health': 'Health',
  '/api/analyze': 'Analyze',
  '/api/detect-fallacies': 'DetectFallacies',
  '/api/reconstruct': 'Reconstruct',
  '/api/validate': 'Validate',
  '/api/logic-graph': 'LogicGraph',
} as const satisfies Record<AnalysisEndpoint, string>;
export type UnaryRpc = (typeof RPC_BY_ROUTE)[AnalysisEndpoint];

/** The server-streaming RPC: one /api/analyze body per sentence. */
export const STREAM_RPC = 'AnalyzeStream';

export interface TextRequest {
  readonly text?: string;
}
export interface AnalysisReplyMessage {
  readonly body_json: string;
}

let cached: ServiceClientConstructor | undefined;

/** The generated client constructor; its `.service` is the definition a server adds. Loaded once. */
export function analysisService(): ServiceClientConstructor {
  if (cached) return cached;
  // keepCase: field names as written in the .proto (body_json), so server and client agree on them.
  const definition = loadSync(ANALYSIS_PROTO, { keepCase: true, defaults: true });
  const root = loadPackageDefinition(definition) as GrpcObject;
  const pkg = ((root.faultline as GrpcObject).analysis as GrpcObject).v1 as GrpcObject;
  cached = pkg.Analysis as ServiceClientConstructor;
  return cached;
}

export function routeOfRpc(rpc: string): AnalysisEndpoint | undefined {
  for (const [route, name] of Object.entries(RPC_BY_ROUTE))
    if (name === rpc) return route as AnalysisEndpoint;
  return undefined;
}
