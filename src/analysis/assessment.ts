import type { Argument, Assessment, Finding, Reason } from './response-schemas.ts';

/** Transparent scoring: the score is 1 minus the listed penalties, floored at 0. */
export const PENALTIES = {
  /** Per distinct fallacy (a rule found twice counts once). */
  fallacy: 0.3,
  unsupported: 0.4,
  noConclusion: 0.4,
  implicitInference: 0.1,
} as const;

/** At or above this score, with no fallacy found, an argument is "valid"; below it, "weak". */
export const VALID_THRESHOLD = 0.75;

export function assessArgument(findings: readonly Finding[], argument: Argument): Assessment {
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    reasons.push({
      code: `fallacy:${finding.rule}`,
      penalty: PENALTIES.fallacy,
      message: `${finding.name}: "${finding.excerpt}"`,
    });
  }
  const { premises, conclusion } = argument;
  if (!conclusion) {
    reasons.push({
      code: 'no-conclusion',
      penalty: PENALTIES.noConclusion,
      message: 'no conclusion could be identified',
    });
  } else if (premises.length === 0) {
    reasons.push({
      code: 'unsupported',
      penalty: PENALTIES.unsupported,
      message: 'the conclusion has no stated premise',
    });
  } else if (conclusion.indicator === null && premises.every((premise) => premise.indicator === null)) {
    reasons.push({
      code: 'implicit-inference',
      penalty: PENALTIES.implicitInference,
      message: 'no indicator word links the premises to the conclusion',
    });
  }
  const penalty = reasons.reduce((sum, reason) => sum + reason.penalty, 0);
  // Rounded to hundredths so 1 - 0.3 - 0.1 reads 0.6, not 0.6000000000000001.
  const score = Math.round(Math.max(0, 1 - penalty) * 100) / 100;
  const verdict = seen.size > 0 ? 'fallacious' : score >= VALID_THRESHOLD ? 'valid' : 'weak';
  return { verdict, score, reasons };
}
