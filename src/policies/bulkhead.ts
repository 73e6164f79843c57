import { type BulkheadPolicy, bulkhead } from 'cockatiel';
import type { PolicyEvent } from './events.ts';
import type { BulkheadConfig } from './schema.ts';
import type { StackDeps } from './stack.ts';

const REJECTED: PolicyEvent = { type: 'bulkhead-rejected' };

/** At most `limit` calls at once and `queue` waiting; the rest fail at once with BULKHEAD_FULL. */
export function createBulkhead(config: BulkheadConfig, deps: StackDeps): BulkheadPolicy {
  const policy = bulkhead(config.limit, config.queue);
  policy.onReject(() => deps.events.emit(REJECTED));
  return policy;
}
