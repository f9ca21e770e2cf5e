// Puts planned files on disk, or (with check) only compares. Generated files are rewritten only
// when their content changed (atomically: temp file + rename, so a running dev server never reads
// half a file); files in a generated/ folder that are no longer planned are removed. Stubs are
// written only when missing: never overwrites a stub, it belongs to the person.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from './plan-contract.js';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  /** Stubs that already existed and were left as they are. */
  kept: string[];
  removed: string[];
  /** With check: generated files that differ from what would be generated, or are missing. */
  stale: string[];
  /** Handler (or verifier) files for which the contract no longer has an operation (or scheme). */
  orphans: string[];
}

export async function writePlan(
  outDir: string,
  apiNames: readonly string[],
  files: readonly OutputFile[],
  { check = false } = {},
): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: [], kept: [], removed: [], stale: [], orphans: [] };
  for (const file of files) {
    const path = join(outDir, file.path);
    const current = await readFile(path, 'utf8').catch(() => null);
    if (file.kind === 'stub' && current !== null) {
      report.kept.push(path);
    } else if (current === file.content) {
      report.unchanged.push(path);
    } else if (check) {
      report.stale.push(path);
    } else {
      await writeAtomic(path, file.content);
      report.written.push(path);
    }
  }
  const planned = new Set(files.map((f) => join(outDir, f.path)));
  for (const name of apiNames) {
    for (const path of await listFiles(join(outDir, name, 'generated'))) {
      if (planned.has(path)) continue;
      if (check) report.stale.push(path);
      else {
        await rm(path, { force: true });
        report.removed.push(path);
      }
    }
    for (const dir of ['handlers', 'security']) {
      for (const path of await listFiles(join(outDir, name, dir))) {
        if (!planned.has(path) && path.endsWith('.ts')) report.orphans.push(path);
      }
    }
  }
  return report;
}

async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(dir, e.name)).sort();
}
