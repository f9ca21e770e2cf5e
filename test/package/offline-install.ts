// Shared by the package tests: a command run as a child process with its output kept, both packages
// packed, the pinned lockfile that lets npm install them offline (see install.test.ts), and what a
// production install holds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const ok = (r: Run): void => assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);

/** The two packed tarballs: the toolchain (specfirst) and what a built server runs (@specfirst/runtime). */
export interface Tarballs {
  specfirst: string;
  runtime: string;
}

/** `npm pack` of the folder into dir: the tarball's path, its files, and its sizes. */
export async function pack(folder: string, dir: string): Promise<{ tarball: string; files: string[]; size: number; unpackedSize: number; filename: string }> {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], folder);
  ok(packed);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  return { tarball: join(dir, info!.filename), files: info!.files.map((f) => f.path).sort(), size: info!.size, unpackedSize: info!.unpackedSize, filename: info!.filename };
}

/** Both packages packed into dir, as a user would get them from the registry. */
export async function packBoth(dir: string): Promise<Tarballs> {
  const runtime = await pack(join(ROOT, 'server', 'runtime'), dir);
  const specfirst = await pack(ROOT, dir);
  return { specfirst: specfirst.tarball, runtime: runtime.tarball };
}

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * A lockfile for a project whose dependency is the runtime tarball and whose devDependency is the
 * specfirst tarball: this repository's own locked tree (the versions it is tested with) beneath
 * them, each package flagged dev unless the runtime (or openapi-fetch) needs it, as npm would.
 */
export async function lockFor(tarballs: Tarballs, name = 'todo-service'): Promise<string> {
  const manifest = async (dir: string) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: object; engines: object };
  const own = await manifest(ROOT);
  const runtime = await manifest(join(ROOT, 'server', 'runtime'));
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {
    '': { name, dependencies: { '@specfirst/runtime': `file:${tarballs.runtime}`, 'openapi-fetch': own.dependencies['openapi-fetch']! }, devDependencies: { specfirst: `file:${tarballs.specfirst}` } },
    'node_modules/specfirst': { version: own.version, resolved: `file:${tarballs.specfirst}`, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
    'node_modules/@specfirst/runtime': { version: runtime.version, resolved: `file:${tarballs.runtime}`, dependencies: runtime.dependencies, bin: runtime.bin, engines: runtime.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link || !path.startsWith('node_modules/') || packages[path]) continue;
    packages[path] = { ...entry };
  }
  const production = reachable(packages, ['node_modules/@specfirst/runtime', 'node_modules/openapi-fetch']);
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '') continue;
    if (production.has(path)) delete entry.dev;
    else entry.dev = true;
  }
  return JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2);
}

/** The lock paths Node's resolution reaches from the roots (nearest node_modules first, as npm lays them out). */
function reachable(packages: Record<string, LockEntry>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const resolve = (from: string, dep: string): string | undefined => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
      if (packages[candidate]) return candidate;
      if (!base) return undefined;
    }
  };
  const queue = roots.filter((r) => packages[r]);
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path]!;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const found = resolve(path, dep);
      if (found) queue.push(found);
    }
  }
  return seen;
}

/** What `npm ci --omit=dev` put in a project: disk use in MB (as du counts it), and the packages by name, nested ones too. */
export async function installedPackages(project: string): Promise<{ mb: number; names: Set<string>; count: number }> {
  const names = new Set<string>();
  let count = 0;
  const walkModules = async (nodeModules: string): Promise<void> => {
    for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || !entry.isDirectory()) continue; // .bin, .package-lock.json
      const scoped = entry.name.startsWith('@') ? (await readdir(join(nodeModules, entry.name), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => `${entry.name}/${d.name}`) : [entry.name];
      for (const name of scoped) {
        names.add(name);
        count++;
        const nested = join(nodeModules, name, 'node_modules');
        if (existsSync(nested)) await walkModules(nested);
      }
    }
  };
  await walkModules(join(project, 'node_modules'));
  return { mb: (await diskBlocks(join(project, 'node_modules'))) * 512 / 1024 / 1024, names, count };
}

/** 512-byte blocks a folder takes on disk, as `du` counts them. */
async function diskBlocks(dir: string): Promise<number> {
  let blocks = (await lstat(dir)).blocks;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    blocks += entry.isDirectory() ? await diskBlocks(join(dir, entry.name)) : (await lstat(join(dir, entry.name))).blocks;
  }
  return blocks;
}

/**
 * `npm start` in a built project on a free port: the API's URL, a stop that ends npm, its shell and
 * the server, and what it has printed so far (warnings included: logs at warn).
 */
export async function npmStart(project: string): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  // detached: `npm start` is npm, a shell and specfirst; the signal goes to the whole group.
  const server = spawn('npm', ['start'], { cwd: project, detached: true, env: { ...process.env, NO_COLOR: '1', PORT: '0', LOG_LEVEL: 'warn', NODE_OPTIONS: '' } });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async (): Promise<void> => {
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
  };
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const read = (d: Buffer): void => {
        output += d.toString();
        const m = /API {5}(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (m) resolve(m[1]!);
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${output}`)));
    });
    return { url, stop, output: () => output };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
