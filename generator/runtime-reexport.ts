// `import … from "specfirst"`, as projects made before the runtime had a package of its own wrote
// it: the same exports, from @specfirst/runtime. Deprecated, because specfirst (the toolchain) is
// a devDependency now and absent from a production install; `specfirst init --upgrade` rewrites
// such imports. Only the published package routes "specfirst" here (the checkout's source condition
// points at server/runtime directly).
process.emitWarning('import from "@specfirst/runtime" instead of "specfirst", which is the toolchain and not installed in production; `npx specfirst init --upgrade` rewrites the imports', {
  type: 'DeprecationWarning',
  code: 'SPECFIRST_RUNTIME_IMPORT',
});

export * from '@specfirst/runtime';
