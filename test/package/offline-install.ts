// Shared by the package tests: a command run as a child process with its output kept, and the
// pinned lockfile that lets npm install the packed tarball offline (see install.test.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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

/** A lockfile for a project whose one dependency is the tarball: specfirst's own locked dependency tree, less dev-only packages. */
export async function lockFor(tarball: string, name = 'todo-service'): Promise<string> {
  const own = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: object; bin: object; engines: object };
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = {
    '': { name, dependencies: { specfirst: `file:${tarball}` } },
    'node_modules/specfirst': { version: own.version, resolved: `file:${tarball}`, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  return JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2);
}

/** `npm start` in a built project on a free port: the API's URL, and a stop that ends npm, its shell and the server. */
export async function npmStart(project: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // detached: `npm start` is npm, a shell and specfirst; the signal goes to the whole group.
  const server = spawn('npm', ['start'], { cwd: project, detached: true, env: { ...process.env, NO_COLOR: '1', PORT: '0', LOG_LEVEL: 'silent', NODE_OPTIONS: '' } });
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
    return { url, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
