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
import { TEMPLATES, type Template } from './starter-contract.js';
import { PACKAGE_ROOT, packageVersion } from '../../paths/package-root.js';

export const INIT_HELP = `Usage: specfirst init [NAME] [--template todo|petstore|empty]

Make this folder a specfirst project, empty or not, adding only what is missing:
  contracts/NAME.yaml   a small valid OpenAPI 3.1 contract (list, create, get); NAME defaults to api
  server/main.ts        serves every generated API with \`import { serve } from "specfirst"\`
  tsconfig.json         strict, NodeNext, compiling server/ into dist/
  package.json          "type": "module", the scripts dev, build, start and check, and the
                        dependencies specfirst and openapi-fetch (for the typed client)
  .gitignore            node_modules/ and dist/
then generate the contract's code and handler stubs. --template picks the starter contract: todo (the
default, named for NAME), petstore (/pets with listPets, createPet, getPet) or empty (no paths yet). An existing file or script is never changed,
except "type": "commonjs" (what \`npm init -y\` writes), switched to "module" when no file is CommonJS.
If the project's code is CommonJS (.js files under "type": "commonjs" or no "type", or a tsconfig.json
compiling to CommonJS), nothing is written and init explains what to change.

Options:
  --template T   the starter contract: todo (the default, named for NAME), petstore (/pets with
                 listPets, createPet, getPet, as in the example) or empty (no paths yet)

Examples:
  specfirst init todo && specfirst dev
  npm install specfirst && npx specfirst init orders

Exit status: 0 done, 1 the project cannot take it (nothing written), 2 bad usage.`;

export async function runInit(options: { template?: string }, positionals: string[]): Promise<number> {
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
  const plan = await planInit(cwd, name, { specfirst: `^${packageVersion()}`, openapiFetch: openapiFetchRange() }, template as Template);
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
  const contract = resolve(CONTRACTS_DIR, `${name}.yaml`);
  const code = await runGenerate({}, [contract]);
  if (code !== 0) return code;
  const install = plan.packageJson?.added.some((a) => a.startsWith('dependencies.')) ? '`npm install`, then ' : '';
  console.log(
    `\nNext: ${install}\`npm run dev\` (specfirst dev), open http://127.0.0.1:3000/docs, and edit ${join(CONTRACTS_DIR, `${name}.yaml`)} or ${join(SERVER_DIR, name, 'handlers')}/.`,
  );
  return 0;
}

/** The openapi-fetch range specfirst itself depends on: the one its generated client is made for. */
function openapiFetchRange(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return pkg.dependencies?.['openapi-fetch'] ?? '*';
}
