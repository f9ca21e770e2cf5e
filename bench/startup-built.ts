// Start-up time and memory of a built project, with and without tsx: from spawning the server to
// its first answered API request, and its resident memory (RSS) right after that request.
// Usage: node --import tsx bench/startup-built.ts PROJECT_DIR REQUEST_PATH [RUNS]
//   PROJECT_DIR has been through `specfirst init` and `npm run build`; e.g. /tmp/app /pets 5
// Linux only (reads /proc/PID/status). Not a test: nothing is asserted.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, path = '/', runs = '5'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/startup-built.ts PROJECT_DIR REQUEST_PATH [RUNS]');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production' } });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /API {5}(http:\/\/[^/\s]+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const res = await fetch(url + path);
  await res.arrayBuffer();
  const ms = performance.now() - started;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMb: rssKb / 1024 };
}

// Each mode with what the project must have for it: a production install (npm ci --omit=dev) has
// neither tsx nor the specfirst CLI, and a project made before the runtime package has no specfirst-start.
const modes: [string, string[], string][] = [
  ['tsx (node --import tsx server/main.ts)', ['--import', 'tsx', join('server', 'main.ts')], join('node_modules', 'tsx')],
  ['built (node dist/server/main.js)', [join('dist', 'server', 'main.js')], join('dist', 'server', 'main.js')],
  ['built through the CLI (specfirst start --workers 1)', [join('node_modules', '.bin', 'specfirst'), 'start', '--workers', '1', join('dist', 'server', 'main.js')], join('node_modules', '.bin', 'specfirst')],
  // What `npm start` runs since init writes the runtime's own bin.
  ['built through the runtime (specfirst-start --workers 1)', [join('node_modules', '.bin', 'specfirst-start'), '--workers', '1', join('dist', 'server', 'main.js')], join('node_modules', '.bin', 'specfirst-start')],
];
for (const [name, args, needs] of modes) {
  if (!existsSync(join(dir, needs))) {
    console.log(`${name}: not in this project (no ${needs})`);
    continue;
  }
  const results = [];
  for (let i = 0; i < Number(runs); i++) results.push(await once(args));
  console.log(`${name}: first request after ${Math.round(median(results.map((r) => r.ms)))} ms, RSS ${median(results.map((r) => r.rssMb)).toFixed(0)} MB (median of ${runs})`);
}
