// The logger a server gets unless it brings its own: pino, JSON lines on stdout (or a file), at
// LOG_LEVEL (default info). Lines are buffered and written together — at 4 KB, every 250 ms, and
// when the process exits — instead of one synchronous write per request, which cost more than
// everything else a request does. The 4 KB writes are synchronous: an asynchronous `fs.write` cost
// the server ~40 µs of CPU per request (bench/PROFILE.md, issue 18), ten times what a synchronous
// write of the same 4 KB costs spread over its ~18 lines.
import { pino, type Level, type Logger } from 'pino';

export interface LoggerOptions {
  level?: Level | 'silent';
  /** A file descriptor or path; default stdout. */
  destination?: number | string;
}

export function createLogger({ level = (process.env.LOG_LEVEL as Level | undefined) ?? 'info', destination = 1 }: LoggerOptions = {}): Logger {
  const stream = pino.destination({ dest: destination, sync: true, minLength: 4096 });
  // Never holds the process open; pino's destination writes what is left when it exits.
  const timer = setInterval(() => stream.flush(), 250).unref();
  stream.once('close', () => clearInterval(timer));
  return pino({ level }, stream);
}
