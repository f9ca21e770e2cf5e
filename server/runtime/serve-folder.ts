// The server `specfirst dev` and `specfirst verify` run for a folder of generated APIs that has no
// main.ts of its own (SPECFIRST_SERVER_DIR): every API found there, served as main.ts would.
import { findApis } from './find-apis.js';
import { serve } from './serve.js';

const dir = process.env.SPECFIRST_SERVER_DIR;
if (!dir) throw new Error('specfirst: SPECFIRST_SERVER_DIR is not set');
await serve({ apis: await findApis(dir) });
