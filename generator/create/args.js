// The arguments of `create-specfirst <dir> [--template todo|petstore|empty]`, read into a plain
// object or a usage error. Pure: no file system, no process; index.js does the work.
import { parseArgs } from 'node:util';

export const TEMPLATES = ['todo', 'petstore', 'empty'];

export const HELP = `Usage: npm create specfirst@latest <dir> [-- --template todo|petstore|empty]
       create-specfirst <dir> [--template todo|petstore|empty]

Make a new specfirst project in <dir> (a new or empty folder): package.json, a starter
contract, the generated server and handler stubs, and its dependencies installed: what the
built server runs (@specfirst/runtime) in dependencies, the toolchain (specfirst) in devDependencies.

Options:
  --template NAME   the starter contract: todo (default), petstore, or empty (no paths)
  -h, --help        show this help

Environment:
  SPECFIRST_PACKAGE          what to install instead of specfirst@<this version>: a tarball path or an npm spec
  SPECFIRST_RUNTIME_PACKAGE  the same for @specfirst/runtime@<this version>
  SPECFIRST_LOCKFILE         a package-lock.json to start from (pinned versions, e.g. for \`npm_config_offline=true\`)

Exit status: 0 done, 1 a step failed, 2 bad usage or a folder that is not empty.`;

/**
 * @param {string[]} argv the arguments after the command
 * @returns {{ help: true } | { help: false, dir: string, template: string } | { error: string }}
 */
export function readArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { template: { type: 'string', short: 't' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return { error: /** @type {Error} */ (error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) return { error: positionals.length === 0 ? 'name the folder to create: create-specfirst <dir>' : `one folder at most, got ${positionals.join(' ')}` };
  const template = values.template ?? 'todo';
  if (!TEMPLATES.includes(template)) return { error: `unknown template "${template}": use ${TEMPLATES.join(', ')}` };
  return { help: false, dir: positionals[0], template };
}
