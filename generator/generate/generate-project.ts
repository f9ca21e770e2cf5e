// Every contract of a project → files on disk, all or nothing: if any contract has a problem that
// stops generation (lint-rules.ts), nothing is written for any of them. Other problems are
// reported and the code is written. Shared by `generate`, `check` and `dev`.
import type { Diagnostic } from '../contract/diagnostics.js';
import { planContract, type ContractPlan } from './plan-contract.js';
import { blocksGeneration } from '../lint/catalogue.js';
import { writePlan, type WriteReport } from './write.js';

export interface ProjectResult {
  plans: ContractPlan[];
  diagnostics: Diagnostic[];
  /** Null when nothing was written (a problem that stops generation). */
  report: WriteReport | null;
}

export interface ProjectOptions {
  check?: boolean;
  /** Called as each contract is planned (loaded, linted, emitted), and before the files are written: for progress. */
  onPlanned?: (plan: ContractPlan) => void;
  onWrite?: () => void;
}

export async function generateProject(contracts: readonly string[], outDir: string, { check = false, onPlanned, onWrite }: ProjectOptions = {}): Promise<ProjectResult> {
  const plans = await Promise.all(contracts.map(async (c) => {
    const plan = await planContract(c);
    onPlanned?.(plan);
    return plan;
  }));
  const diagnostics = plans.flatMap((p) => p.diagnostics);
  const names = plans.map((p) => p.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    const clash = plans.filter((p) => p.name === duplicate);
    diagnostics.push(
      ...clash.map((p) => ({
        severity: 'error' as const,
        file: p.contractPath,
        line: 1,
        column: 1,
        pointer: '',
        rule: 'duplicate-api-name',
        message: `two contracts would both generate server/${duplicate}/`,
        hint: 'rename one of the contract files',
      })),
    );
  }
  if (blocksGeneration(diagnostics)) return { plans, diagnostics, report: null };
  onWrite?.();
  const report = await writePlan(outDir, names, plans.flatMap((p) => p.files), { check });
  return { plans, diagnostics, report };
}
