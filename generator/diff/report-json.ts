// The JSON report of `specfirst diff`, for scripts: a stable shape documented by
// diff-report.schema.json beside this file (a test validates the output against it). Add fields,
// never rename or remove one, and bump `version` if a meaning changes.
import { countChanges, type DiffReport } from './report.js';

export const REPORT_VERSION = 1;

export function formatDiffJson(report: DiffReport): string {
  const body = {
    version: REPORT_VERSION,
    summary: countChanges(report),
    contracts: report.contracts.map((d) => ({
      base: d.base,
      revision: d.revision,
      changes: d.changes.map((c) => ({
        id: c.id,
        level: c.level,
        breaks: c.breaks,
        operation: c.operation,
        message: c.message,
        base: c.base,
        revision: c.revision,
        accepted: c.accepted ?? null,
      })),
      ...(d.impact ? { impact: d.impact } : {}),
    })),
    stale: report.stale,
    expired: report.expired,
  };
  return JSON.stringify(body, null, 2) + '\n';
}
