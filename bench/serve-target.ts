// One target listening on 127.0.0.1 (ephemeral port, keep-alive as node:http does by default),
// for the loopback load and the start-up probe. Tells its parent the port over IPC, and answers
// `{ type: 'cpu' }` with this process's CPU time so far (process.cpuUsage(): user + system, every
// thread, so GC helper threads and libuv's pool count): the parent reads it before and after a
// fixed count of requests, and the difference over the count is what one request costs the server.
// `{ type: 'profile', on }` starts or stops V8's CPU profiler (bench/profile.ts), so that a profile
// holds the requests and not the start-up.
// Usage: node --import tsx bench/serve-target.ts NAME
import { createServer, type Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import { targetNamed } from './targets.js';

const target = await targetNamed(process.argv[2] ?? '').load();
// A target that says how it listens (specfirst's lifecycle.listen, as `npm start` does) is served
// that way; every other target by node:http's defaults.
const server: Server = target.listen ? await target.listen(0, '127.0.0.1') : await new Promise((resolve) => {
  const s = createServer(target.listener);
  s.listen(0, '127.0.0.1', () => resolve(s));
});
const address = server.address();
process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
let session: Session | undefined;
process.on('message', async (m: { type?: string; id?: number; on?: boolean }) => {
  if (m.type === 'profile') {
    if (m.on) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return void process.send?.({ type: 'profile', id: m.id });
    }
    const { profile } = await session!.post('Profiler.stop');
    session!.disconnect();
    return void process.send?.({ type: 'profile', id: m.id, profile });
  }
  if (m.type !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ type: 'cpu', id: m.id, cpuUs: user + system });
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
