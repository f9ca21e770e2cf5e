// Signs of life for the long commands (verify, generate, fuzz), always on stderr so that stdout
// (tables, JSON, markdown) stays clean. On an interactive terminal an ora spinner shows
// `box.json · verify · requests · 120/296 operations · 23 s` in place; anywhere else (a pipe,
// CI, NO_COLOR, TERM=dumb) one plain line per stage start and end, and never an escape code.
import ora, { type Ora } from 'ora';

/** What progress needs of a stream: ora's own use of a TTY stream, or `write` for plain lines. */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

export interface Progress {
  /** A new stage; `total` of `unit` when its work can be counted. Ends the stage before it. */
  stage(name: string, total?: number, unit?: string): void;
  /** `n` more of the stage's total done. */
  tick(n?: number): void;
  /** Ends the last stage and clears the spinner (a terminal) or says how long it all took. */
  done(): void;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds, for tests. */
  now?: () => number;
}

/** A terminal that takes in-place updates: a TTY, and neither CI, NO_COLOR nor TERM=dumb. */
export function interactive(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  // A terminal of unknown width (a pseudo-terminal nobody sized) cannot be redrawn in place: plain lines.
  return stream.isTTY === true && (stream.columns ?? 0) > 0 && !('CI' in env) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
}

/** `command` (verify) on `subject` (a contract's path, or `3 contracts`). */
export function progress(command: string, subject: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  return interactive(stream, options.env) ? spinnerProgress(command, subject, stream as NodeJS.WriteStream, now) : plainProgress(command, subject, stream, now);
}

interface Stage {
  name: string;
  total?: number;
  unit: string;
  count: number;
  started: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function plainProgress(command: string, subject: string, stream: ProgressStream, now: () => number): Progress {
  const started = now();
  const prefix = `specfirst ${command} ${subject}:`;
  let current: Stage | null = null;
  const end = () => {
    if (!current) return;
    const counted = current.total === undefined ? '' : ` (${current.count}/${current.total} ${current.unit})`;
    stream.write(`${prefix} ${current.name} done in ${seconds(now() - current.started)}${counted}\n`);
    current = null;
  };
  return {
    stage(name, total, unit = 'operations') {
      end();
      current = { name, total, unit, count: 0, started: now() };
      stream.write(`${prefix} ${name}${total === undefined ? '' : `, ${total} ${unit}`} …\n`);
    },
    tick(n = 1) {
      if (current) current.count += n;
    },
    done() {
      end();
      stream.write(`${prefix} done in ${seconds(now() - started)}\n`);
    },
  };
}

function spinnerProgress(command: string, subject: string, stream: NodeJS.WriteStream, now: () => number): Progress {
  const started = now();
  let current: Stage | null = null;
  const text = () => {
    const parts = [subject, command];
    if (current) parts.push(current.name);
    if (current?.total !== undefined) parts.push(`${current.count}/${current.total} ${current.unit}`);
    parts.push(`${Math.floor((now() - started) / 1000)} s`);
    return parts.join(' · ');
  };
  // discardStdin off: verify starts a child server, and stdin is not ours to swallow.
  const spinner: Ora = ora({ text: text(), stream, isEnabled: true, discardStdin: false }).start();
  // The elapsed seconds move even when no tick comes (a type-check, a slow start).
  // Drawn at once, not at the next frame: a fast stage would otherwise never show its counts.
  const show = () => {
    spinner.text = text();
    spinner.render();
  };
  const timer = setInterval(show, 1000);
  timer.unref();
  return {
    stage(name, total, unit = 'operations') {
      current = { name, total, unit, count: 0, started: now() };
      show();
    },
    tick(n = 1) {
      if (!current) return;
      current.count += n;
      show();
    },
    done() {
      clearInterval(timer);
      current = null;
      spinner.stopAndPersist({ symbol: '✓', text: `${subject} · ${command} · done in ${seconds(now() - started)}` });
    },
  };
}
