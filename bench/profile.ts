// Where a server's CPU goes under loopback load: serves one target (pinned like the bench's
// servers), warms it up, profiles it (V8's CPU profiler, started and stopped from inside the server
// so that start-up is not in the profile) while the bench's load client sends one operation's
// requests, and prints the profile's self time summed by package (or by file of ours, or node's own
// internals), then the heaviest functions. What bench/PROFILE.md summarises.
// Usage: node --import tsx bench/profile.ts TARGET OPERATION [REQUESTS]
//   e.g. bench/profile.ts specfirst-full list 30000
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClient } from './loopback.js';
import { OPERATIONS } from './operations.js';
import { spawnServer } from './server-process.js';
import { targetNamed, type TargetName } from './targets.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The group a frame's self time is counted under: a package, a file of ours, node's internals, or V8's pseudo-frames. */
export function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.startsWith('node:internal/') ? 'node internals' : url;
  return url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
}

export function summarise(profile: Profile, top = 18): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${group}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const list = (m: Map<string, number>): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `busy ${(total / 1000).toFixed(0)} ms (idle excluded)\n\nself time by package / file:\n${list(groups)}\n\nheaviest functions:\n${list(functions)}`;
}

/** The call chains (three frames up) under which `name` spends its self time, heaviest first. */
export function callers(profile: Profile, name: string): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const chains = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName !== name) return;
    const chain: string[] = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      chain.push(`${f.functionName || '(anonymous)'} ${groupOf(f.url, f.functionName)}:${f.lineNumber + 1}`);
    }
    const key = chain.join(' ← ');
    chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...chains].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name = 'specfirst-full', opName = 'get', count = '20000'] = process.argv.slice(2);
  targetNamed(name);
  const op = OPERATIONS.find((o) => o.name === opName);
  if (!op) throw new Error(`operation ${opName}: one of ${OPERATIONS.map((o) => o.name).join(', ')}`);
  const server = await spawnServer(name as TargetName);
  const client = await startClient();
  let profile: Profile;
  try {
    const load = { url: server.url + op.url, method: op.method, headers: op.headers, body: op.body, connections: 10 };
    await client.run({ ...load, amount: 3000 });
    await server.profile(true);
    const before = await server.cpuUs();
    const r = await client.run({ ...load, amount: Number(count) });
    const after = await server.cpuUs();
    profile = (await server.profile(false)) as Profile;
    console.log(`${name} ${op.label}: ${r.completed} requests, ${r.non2xx} non-2xx, ${r.errors} errors; ${((after - before) / r.completed).toFixed(1)} µs CPU per request (profiler on)`);
  } finally {
    client.stop();
    await server.stop();
  }
  console.log(summarise(profile));
  // PROFILE_CALLERS=writeString: who calls a function, with the share of its self time under each caller chain.
  if (process.env.PROFILE_CALLERS) console.log(`\ncallers of ${process.env.PROFILE_CALLERS}:\n${callers(profile, process.env.PROFILE_CALLERS)}`);
}
