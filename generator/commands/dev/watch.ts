// Watches what a person edits, contracts/ and server/ (but not the generated/ folders specfirst
// writes itself), and reports a batch of changed files once edits settle for a moment.
import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';

export function watchSources(cwd: string, dirs: readonly string[], onChange: (files: string[]) => void, settleMs = 80): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    const root = join(cwd, dir);
    try {
      const watcher = watch(root, { recursive: true }, (_event, name) => {
        if (!name) return;
        const file = relative(cwd, join(root, name.toString()));
        // Contracts and code only: editors' swap and temp files, and generated/, never trigger.
        if (!/\.(ya?ml|json|[cm]?[jt]s)$/i.test(file) || /(^|\/)(generated|node_modules|\.git)(\/|$)|(^|\/)\.[^/]*$/.test(file)) return;
        pending.add(file);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const files = [...pending].sort();
          pending = new Set();
          onChange(files);
        }, settleMs);
      });
      watchers.push(watcher);
    } catch {
      // A folder that does not exist yet (no server/ before the first generate) is not watched.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
