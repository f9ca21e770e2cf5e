// Server and load generator on different cores: `taskset -c CPU` before a command. Where taskset
// is missing (or the machine has one core), commands run unpinned and a warning says so once.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

let warned = false;
const available = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0 && availableParallelism() >= 2;

/** [command, args] that run `command args` on `cpu` when it can. */
export function pinned(cpu: number, command: string, args: readonly string[]): [string, string[]] {
  if (available) return ['taskset', ['-c', String(cpu), command, ...args]];
  if (!warned) {
    warned = true;
    console.log(`! taskset is missing or there is one CPU: server and load generator share cores, loopback numbers are less reliable`);
  }
  return [command, [...args]];
}

export const pinning = (): string => (available ? 'server on CPU 0, load generator on CPU 1 (taskset)' : 'not pinned (no taskset or one CPU)');
