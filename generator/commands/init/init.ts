// `specfirst init NAME`: makes the working directory a specfirst project, empty or not, adding only
// what is missing (a starter contract, tsconfig.json, server/main.ts, package.json's "type" and
// scripts) and then generating the code. Never overwrites a file; when the project cannot be an
// ES module as it stands, says why and writes nothing.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { words } from '../../model/names.js';
import { CONTRACTS_DIR, SERVER_DIR } from '../../paths/project.js';
import { runGenerate } from '../generate.js';
import { planInit } from './plan.js';
import { planUpgrade } from './upgrade.js';
import { TEMPLATES, type Template } from './starter-contract.js';
import { PACKAGE_ROOT, packageVersion, RUNTIME_PACKAGE } from '../../paths/package-root.js';

export const INIT_HELP = `Usage: specfirst init [NAME] [--template todo|petstore|empty]
       specfirst init --upgrade

Make this folder a specfirst project, empty or not, adding only what is missing:
  contracts/NAME.yaml   a small valid OpenAPI 3.1 contract (list, create, get); NAME defaults to api
  server/main.ts        serves every generated API with \`import { serve } from "@specfirst/runtime"\`
  tsconfig.json         strict, NodeNext, compiling server/ into dist/
  package.json          "type": "module", the scripts dev, build, start and check; in dependencies
                        what the built server runs (@specfirst/runtime, and openapi-fetch for the
                        typed client), in devDependencies specfirst (the toolchain), so that
                        \`npm ci --omit=dev && npm start\` serves the built project
  .gitignore            node_modules/ and dist/
then generate the contract's code and handler stubs. --template picks the starter contract: todo (the
default, named for NAME), petstore (/pets with listPets, createPet, getPet) or empty (no paths yet). An existing file or script is never changed,
except "type": "commonjs" (what \`npm init -y\` writes), switched to "module" when no file is CommonJS.
If the project's code is CommonJS (.js files under "type": "commonjs" or no "type", or a tsconfig.json
compiling to CommonJS), nothing is written and init explains what to change.

Options:
  --template T   the starter contract: todo (the default, named for NAME), petstore (/pets with
                 listPets, createPet, getPet, as in the example) or empty (no paths yet)
  --upgrade      bring a project made by an earlier init to the runtime package: imports of
                 "specfirst" become "@specfirst/runtime", specfirst moves to devDependencies with
                 @specfirst/runtime in dependencies, and the start script init wrote becomes
                 "specfirst-start dist/server/main.js". Then \`npm install\` and \`npm run build\`.

Examples:
  specfirst init todo && specfirst dev
  npm install -D specfirst && npx specfirst init orders
  npx specfirst init --upgrade && npm install

Exit status: 0 done, 1 the project cannot take it (nothing written), 2 bad usage.`;

export async function runInit(options: { template?: string; upgrade?: boolean }, positionals: string[]): Promise<number> {
  if (options.upgrade) {
    if (positionals.length > 0 || options.template !== undefined) {
      console.error(`specfirst init: --upgrade takes no NAME and no --template\n\n${INIT_HELP}`);
      return 2;
    }
    return runUpgrade();
  }
  if (positionals.length > 1) {
    console.error(`specfirst init: one NAME at most\n\n${INIT_HELP}`);
    return 2;
  }
  const template = options.template ?? 'todo';
  if (!(TEMPLATES as readonly string[]).includes(template)) {
    console.error(`specfirst init: unknown --template "${template}": use ${TEMPLATES.join(', ')}\n\n${INIT_HELP}`);
    return 2;
  }
  const cwd = process.cwd();
  const name = words(positionals[0] ?? 'api').join('-') || 'api';
  const plan = await planInit(cwd, name, { specfirst: `^${packageVersion()}`, runtime: `^${packageVersion()}`, openapiFetch: openapiFetchRange() }, template as Template);
  if (plan.blockers.length > 0) {
    for (const blocker of plan.blockers) console.error(`specfirst init: ${blocker}\n`);
    console.error('specfirst init: nothing was written.');
    return 1;
  }
  for (const file of plan.files) {
    await mkdir(dirname(join(cwd, file.path)), { recursive: true });
    await writeFile(join(cwd, file.path), file.content, { flag: 'wx' });
    console.log(`specfirst: wrote ${file.path}`);
  }
  if (plan.packageJson) {
    await writeFile(join(cwd, 'package.json'), plan.packageJson.content);
    const what = plan.packageJson.added.length > 0 ? `: ${plan.packageJson.added.join(', ')}` : '';
    if (plan.packageJson.created || plan.packageJson.added.length > 0) {
      console.log(`specfirst: ${plan.packageJson.created ? 'wrote package.json' : 'added to package.json'}${what}`);
    }
    for (const change of plan.packageJson.changed) console.log(`specfirst: changed package.json: ${change}`);
  }
  for (const path of plan.kept) console.log(`specfirst: kept ${path} (it exists)`);
  for (const s of plan.keptScripts) console.log(`specfirst: kept scripts.${s.name} ("${s.theirs}"); specfirst's would be "${s.ours}"`);
  if (plan.toolchainInDependencies) {
    console.log(`specfirst: specfirst is in dependencies, so a production install (npm ci --omit=dev) gets the whole toolchain; \`npx specfirst init --upgrade\` moves it to devDependencies and imports to ${RUNTIME_PACKAGE}`);
  }
  const contract = resolve(CONTRACTS_DIR, `${name}.yaml`);
  const code = await runGenerate({}, [contract]);
  if (code !== 0) return code;
  const install = plan.packageJson?.added.some((a) => /^(dependencies|devDependencies)\./.test(a)) ? '`npm install`, then ' : '';
  console.log(
    `\nNext: ${install}\`npm run dev\` (specfirst dev), open http://127.0.0.1:3000/docs, and edit ${join(CONTRACTS_DIR, `${name}.yaml`)} or ${join(SERVER_DIR, name, 'handlers')}/.`,
  );
  return 0;
}

/** `specfirst init --upgrade`: applies planUpgrade, saying what changed; nothing when it is blocked. */
async function runUpgrade(): Promise<number> {
  const cwd = process.cwd();
  const plan = await planUpgrade(cwd, { runtime: `^${packageVersion()}` });
  if (plan.blockers.length > 0) {
    for (const blocker of plan.blockers) console.error(`specfirst init: ${blocker}\n`);
    console.error('specfirst init: nothing was written.');
    return 1;
  }
  if (plan.packageJson) {
    await writeFile(join(cwd, 'package.json'), plan.packageJson.content);
    for (const change of plan.packageJson.changes) console.log(`specfirst: changed package.json: ${change}`);
  }
  for (const file of plan.files) {
    await writeFile(join(cwd, file.path), file.content);
    console.log(`specfirst: ${file.path}: ${file.imports} import(s) of "specfirst" now "${RUNTIME_PACKAGE}"`);
  }
  if (!plan.packageJson && plan.files.length === 0) {
    console.log('specfirst: nothing to upgrade (already on the runtime package).');
    return 0;
  }
  console.log('\nNext: `npm install`, then `npm run build`; in production `npm ci --omit=dev && npm start`.');
  return 0;
}

/** The openapi-fetch range specfirst itself depends on: the one its generated client is made for. */
function openapiFetchRange(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return pkg.dependencies?.['openapi-fetch'] ?? '*';
}
