// One target listening on 127.0.0.1 (ephemeral port, keep-alive as node:http does by default),
// for the loopback load and the start-up probe. Tells its parent the port over IPC.
// Usage: node --import tsx bench/serve-target.ts NAME
import { createServer } from 'node:http';
import { targetNamed } from './targets.js';

const target = await targetNamed(process.argv[2] ?? '').load();
const server = createServer(target.listener);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
