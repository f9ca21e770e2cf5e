// What only specfirst can tell about a diff: which handlers stop compiling and whether callers of
// the generated client still compile. Generates the base and the revision into a temporary folder
// inside the project (so imports resolve as the project's do), with copies of the project's
// handlers; type-checks the handlers against each; the errors only the revision has are the
// handlers' part of the diff. Then compiles a call of every base client operation against the
// revision's client. The project's own files are never written.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath, type Diagnostic } from '../contract/diagnostics.js';
import { emitClientUsage } from '../diff/client-usage.js';
import { planContract, type ContractPlan } from '../generate/plan-contract.js';
import { writePlan } from '../generate/write.js';
import { typeCheckRoots } from '../paths/project.js';
import { TypeChecker } from '../typecheck/typecheck.js';

export interface Impact {
  /** New type errors in the project's handlers, by operation (`GET /pets`) whose handler holds them. */
  handlers: Map<string, Diagnostic[]>;
  /** Errors of a base-client call compiled against the revision's client, by operation. */
  client: Map<string, Diagnostic[]>;
  /** Operations the base client exposes (each was compiled). */
  clientOperations: number;
}

/** `checker`: pass one to reuse its work (lib and runtime types) across several measures. */
export async function measureImpact(basePath: string, revisionPath: string, projectDir: string, serverDir: string, checker = new TypeChecker(projectDir)): Promise<Impact> {
  const [base, revision] = await Promise.all([planContract(basePath), planContract(revisionPath)]);
  if (base.files.length === 0 || revision.files.length === 0) throw new Error('a contract does not generate: run specfirst lint');
  const tmp = await mkdtemp(join(projectDir, '.specfirst-diff-'));
  try {
    const baseDir = join(tmp, 'base');
    const revisionDir = join(tmp, 'revision');
    const handlersDir = join(serverDir, base.name);
    // An error in a copied handler is reported at the project's own file.
    const toProject = (file: string, apiDir: string) => {
      const inTmp = relative(apiDir, resolve(file));
      return inTmp.startsWith('..') ? file : displayPath(join(handlersDir, inTmp));
    };
    const errorsOf = async (plan: ContractPlan, dir: string) => {
      await copyOwnCode(handlersDir, join(dir, plan.name));
      await writePlan(dir, [plan.name], plan.files);
      return checker.check(typeCheckRoots(dir, [plan.name]).filter((r) => r.startsWith(dir))).map((d) => ({ ...d, file: toProject(d.file, join(dir, plan.name)) }));
    };
    const before = new Set((await errorsOf(base, baseDir)).map(key));
    const after = await errorsOf(revision, revisionDir);
    const handlers = new Map<string, Diagnostic[]>();
    const byStem = new Map([...(revision.model?.operations ?? []), ...(base.model?.operations ?? [])].map((op) => [op.fileStem, `${op.method.toUpperCase()} ${op.path}`]));
    for (const d of after.filter((e) => !before.has(key(e)))) {
      const stem = d.file.split('/').pop()!.replace(/\.ts$/, '');
      const operation = byStem.get(stem) ?? '(other code)';
      handlers.set(operation, [...(handlers.get(operation) ?? []), d]);
    }
    const usage = emitClientUsage(base.model!, relativeImport(tmp, join(baseDir, base.name, 'generated', 'schema.js')), relativeImport(tmp, join(revisionDir, revision.name, 'generated', 'client.js')));
    const usageFile = join(tmp, 'client-usage.ts');
    await writeFile(usageFile, usage.code);
    const client = new Map<string, Diagnostic[]>();
    for (const d of checker.check([usageFile])) {
      if (resolve(d.file) !== usageFile) continue;
      const operation = usage.operationAt(d.line) ?? '(client)';
      client.set(operation, [...(client.get(operation) ?? []), d]);
    }
    return { handlers, client, clientOperations: base.model!.operations.length };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function key(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}:${d.message}`;
}

function relativeImport(from: string, to: string): string {
  const rel = relative(from, to).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The person's code of an API (handlers, verifiers, what they import beside them): everything but generated/. */
async function copyOwnCode(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  if (!existsSync(from)) return;
  for (const entry of await readdir(from)) {
    if (entry !== 'generated') await cp(join(from, entry), join(to, entry), { recursive: true });
  }
}
