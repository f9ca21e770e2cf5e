// How the bench starts a child that runs this repository's TypeScript: tsx for the sources, and the
// `specfirst-source` export condition so that `import … from '@specfirst/runtime'` (server/main.ts)
// resolves to server/runtime/*.ts, not to dist/, which only `npm run build` makes.
export const SOURCE_NODE_ARGS: readonly string[] = ['--conditions=specfirst-source', '--import', import.meta.resolve('tsx')];
