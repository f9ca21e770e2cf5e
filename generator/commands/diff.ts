// `specfirst diff`: the breaking-change gate. Compares two versions of the contracts (two files or
// folders, or contracts/ at a git ref against the working tree), prints the report in the format
// asked, and exits 1 when a change at the --fail-on level is not accepted. Reading files, git and
// the clock happen here; generator/diff/ is pure.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { displayPath, formatDiagnostic, hasErrors } from '../contract/diagnostics.js';
import { loadContract } from '../contract/load.js';
import { applyAccepted, readAccepted, type AcceptedEntry } from '../diff/accepted.js';
import type { Change } from '../diff/change.js';
import { entryOf } from '../diff/catalogue.js';
import { diffContracts } from '../diff/diff-contracts.js';
import { fails, type ContractDiff, type DiffReport, type ImpactReport } from '../diff/report.js';
import { formatDiffGithub } from '../diff/report-github.js';
import { formatDiffJson } from '../diff/report-json.js';
import { formatDiffMarkdown } from '../diff/report-markdown.js';
import { formatDiffText } from '../diff/report-text.js';
import { CONTRACTS_DIR, contractFilesIn, contractsFrom, SERVER_DIR } from '../paths/project.js';
import { paint } from './terminal.js';

const run = promisify(execFile);

export const ACCEPTED_FILE = join(CONTRACTS_DIR, '.specfirst-accepted.yaml');

export const DIFF_HELP = `Usage: specfirst diff BASE REVISION [options]
       specfirst diff --base GIT-REF [CONTRACT...] [options]

Compares two versions of a contract and classifies every change: breaking (requests that were
valid are refused, responses clients read change, handlers stop compiling), warning or info.
BASE and REVISION are contract files, or folders whose contracts are paired by file name.
With --base, contracts/ at that git commit is compared with the working tree.

Options:
  --base REF             compare contracts/ (or the CONTRACTs named) at REF with the working tree
  --format F             text (default), markdown (a pull-request comment), json, github (annotations)
  --fail-on LEVEL        breaking (default) or warning: the lowest level that fails
  --accepted FILE        changes accepted on purpose (default ${ACCEPTED_FILE} when it exists)
  --impact               also generate both versions into a temporary folder and report the
                         handlers' new type errors (file:line:col) and whether a caller of the
                         base's generated client still compiles against the revision's

Accepted file:
  accepted:
    - id: request-parameter-added-required
      operation: GET /pets
      reason: every client sends it since v2.3
      expires: 2027-01-31          # optional

Examples:
  specfirst diff contracts/pets.yaml ../v1/contracts/pets.yaml
  specfirst diff --base origin/main --format github

Exit status: 0 nothing fails, 1 a breaking change (or warning with --fail-on warning) that is not
accepted, 2 bad usage or a contract that cannot be loaded.`;

export interface DiffValues {
  base?: string;
  impact?: boolean;
  format?: string;
  'fail-on'?: string;
  accepted?: string;
}

const FORMATS = { text: null, json: formatDiffJson, markdown: formatDiffMarkdown, github: formatDiffGithub } as const;

class UsageError extends Error {}

export async function runDiff(values: DiffValues, positionals: string[]): Promise<number> {
  const format = values.format ?? 'text';
  const failOn = values['fail-on'] ?? 'breaking';
  try {
    if (!(format in FORMATS)) throw new UsageError(`--format ${format}: use text, markdown, json or github`);
    if (failOn !== 'breaking' && failOn !== 'warning') throw new UsageError(`--fail-on ${failOn}: use breaking or warning`);
    const report = await diffReport(values, positionals);
    const printer = FORMATS[format as keyof typeof FORMATS];
    process.stdout.write(printer ? printer(report) : formatDiffText(report, paint(process.stdout)));
    return fails(report, failOn) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`specfirst diff: ${error.message}`);
    return 2;
  }
}

/** The report for the command's arguments (also what `check --base` and `dev` run). */
export async function diffReport(values: DiffValues, positionals: string[], cwd = process.cwd()): Promise<DiffReport> {
  const accepted = await acceptedEntries(values.accepted, cwd);
  if (values.base !== undefined) {
    const revisions = await contractsFrom(positionals, cwd);
    const contracts = await diffAgainstRef(values.base, revisions, cwd, values.impact === true, positionals.length === 0);
    return applyAccepted(contracts, accepted, today());
  }
  if (positionals.length !== 2) throw new UsageError('give BASE and REVISION (files or folders), or --base GIT-REF');
  const [base, revision] = positionals.map((p) => resolve(cwd, p)) as [string, string];
  const pairs = await pairContracts(base, revision);
  const contracts: ContractDiff[] = [];
  for (const [b, r] of pairs) contracts.push(await diffPair(b, r, displayPath(b), displayPath(r), values.impact === true));
  return applyAccepted(contracts, accepted, today());
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function acceptedEntries(path: string | undefined, cwd: string): Promise<AcceptedEntry[]> {
  const file = resolve(cwd, path ?? ACCEPTED_FILE);
  if (path === undefined && !existsSync(file)) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${displayPath(file)}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new UsageError(`${displayPath(file)}: ${(error as Error).message}`);
  }
  const { entries, problems } = readAccepted(value);
  if (problems.length > 0) throw new UsageError(`${displayPath(file)}: ${problems.join('; ')}`);
  return entries;
}

/** File with file, or a folder's contracts with the other folder's of the same name. */
async function pairContracts(base: string, revision: string): Promise<[string, string][]> {
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (!isDir(base) && !isDir(revision)) return [[base, revision]];
  if (!isDir(base) || !isDir(revision)) throw new UsageError('BASE and REVISION must both be files or both be folders');
  const bs = await contractFilesIn(base);
  const rs = new Map((await contractFilesIn(revision)).map((p) => [basename(p), p]));
  const pairs = bs.filter((b) => rs.has(basename(b))).map((b): [string, string] => [b, rs.get(basename(b))!]);
  for (const b of bs) if (!rs.has(basename(b))) throw new UsageError(`${displayPath(b)} has no counterpart in ${displayPath(revision)}`);
  if (pairs.length === 0) throw new UsageError(`no contract in ${displayPath(base)}`);
  return pairs;
}

async function diffPair(base: string, revision: string, baseName: string, revisionName: string, impact: boolean, rename?: (file: string) => string): Promise<ContractDiff> {
  const [b, r] = await Promise.all([loadContract(base), loadContract(revision)]);
  for (const [side, loaded] of [
    ['base', b],
    ['revision', r],
  ] as const) {
    if (!loaded.contract || hasErrors(loaded.diagnostics.filter((d) => d.rule === 'yaml' || d.rule === 'load'))) {
      const text = loaded.diagnostics.map((d) => formatDiagnostic(rename ? { ...d, file: rename(d.file) } : d)).join('\n');
      throw new UsageError(`the ${side} contract cannot be loaded:\n${text}`);
    }
  }
  const changes = diffContracts(b.contract!, r.contract!, { today: today() });
  const diff: ContractDiff = { base: baseName, revision: revisionName, changes: rename ? changes.map((c) => renamed(c, rename)) : changes };
  if (impact) diff.impact = await impactOf(base, revision);
  return diff;
}

async function impactOf(base: string, revision: string): Promise<ImpactReport> {
  const { measureImpact } = await import('./diff-impact.js');
  const found = await measureImpact(base, revision, process.cwd(), resolve(SERVER_DIR));
  const plain = (m: Map<string, { file: string; line: number; column: number; message: string }[]>) =>
    Object.fromEntries([...m].map(([op, errors]) => [op, errors.map(({ file, line, column, message }) => ({ file, line, column, message }))]));
  return { handlers: plain(found.handlers), client: plain(found.client), clientOperations: found.clientOperations };
}

function renamed(c: Change, rename: (file: string) => string): Change {
  return { ...c, base: c.base && { ...c.base, file: rename(c.base.file) }, revision: c.revision && { ...c.revision, file: rename(c.revision.file) } };
}

/**
 * contracts/ at a git ref, written to a temporary folder (every file, so that multi-file contracts
 * load as they were), each compared with the working tree's contract of the same path.
 */
async function diffAgainstRef(ref: string, revisions: string[], cwd: string, impact: boolean, whole: boolean): Promise<ContractDiff[]> {
  const git = (...args: string[]) => run('git', args, { cwd, maxBuffer: 1 << 28, encoding: 'buffer' });
  let top: string;
  try {
    top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  } catch {
    throw new UsageError(`--base ${ref}: not a commit of a git repository here`);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'specfirst-diff-'));
  try {
    const tar = await git('archive', '--format=tar', ref, '--', relative(top, join(cwd, CONTRACTS_DIR)) || '.');
    await new Promise<void>((done, failed) => {
      const child = execFile('tar', ['-x', '-C', tmp], (error) => (error ? failed(error) : done()));
      child.stdin!.end(tar.stdout);
    });
    const out: ContractDiff[] = [];
    for (const revision of revisions) {
      const path = relative(top, revision);
      const base = join(tmp, path);
      const name = `${ref}:${path.split(sep).join('/')}`;
      // A contract new since REF: nothing that existed can break.
      if (!existsSync(base)) {
        out.push({ base: `${ref}:(none)`, revision: displayPath(revision), changes: [] });
        continue;
      }
      const rename = (file: string) => (file.startsWith(tmp) ? `${ref}:${relative(tmp, file).split(sep).join('/')}` : file);
      out.push(await diffPair(base, revision, name, displayPath(revision), impact, rename));
    }
    if (whole) {
      // A contract gone from the working tree: every caller of it breaks.
      const now = new Set(revisions.map((r) => relative(top, r)));
      for (const gone of await contractFilesIn(join(tmp, relative(top, join(cwd, CONTRACTS_DIR))))) {
        const path = relative(tmp, gone).split(sep).join('/');
        if (now.has(relative(tmp, gone))) continue;
        const entry = entryOf('api-contract-removed');
        const place = { file: `${ref}:${path}`, line: 1, column: 1, pointer: '' };
        out.push({ base: `${ref}:${path}`, revision: '(removed)', changes: [{ id: entry.id, level: entry.level, breaks: entry.breaks, operation: null, message: `${path} removed with every operation in it`, base: place, revision: null }] });
      }
    }
    return out;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--base ${ref}: ${(error as Error).message}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
