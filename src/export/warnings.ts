import type { Fault } from '../faults/schema.ts';

/** Collects the one-line warnings of an export: what a target drops or approximates, and where. */
export class Warnings {
  readonly lines: string[] = [];
  add(phase: string, fault: Fault, what: string): void {
    this.lines.push(`phase "${phase}", ${fault.kind} fault: ${what}`);
  }
  push(line: string): void {
    this.lines.push(line);
  }
}

/** The routes a fault is limited to, or undefined for all. */
export function routesOf(fault: Fault): readonly string[] | undefined {
  return fault.routes && fault.routes.length > 0 ? fault.routes : undefined;
}
