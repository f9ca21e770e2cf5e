// `npm start`: serves every API generated under server/ (each contract's server/<api>/generated/)
// on HOST:PORT (default 127.0.0.1:3000), exactly as `specfirst init` writes main.ts for a project:
// `@specfirst/runtime` is this repository's own runtime (server/runtime, an npm workspace), its
// sources under the specfirst-source condition.
import { findApis, serve } from '@specfirst/runtime';

await serve({ apis: await findApis(new URL('.', import.meta.url)) });
