import { ANALYSIS_ENDPOINTS } from '../backend/contract.ts';

/** Where intercepted clients are pointed by default: a reserved `.test` name that never resolves for real. */
export const DEFAULT_BASE_URL = 'http://analysis.faultline.test';

/** Routes intercepted by default: the argument-analysis API's. */
export const DEFAULT_ROUTES: readonly string[] = ANALYSIS_ENDPOINTS;
