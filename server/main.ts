// `npm start`: serves every API generated under server/ (each contract's server/<api>/generated/)
// on HOST:PORT (default 127.0.0.1:3000), exactly as `specfirst init` writes main.ts for a project:
// `specfirst` resolves to this repository's own runtime (server/runtime/index.ts).
import { findApis, serve } from 'specfirst';

await serve({ apis: await findApis(new URL('.', import.meta.url)) });
