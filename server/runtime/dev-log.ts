// One short line per request for `specfirst dev` (SPECFIRST_LOG=dev), like `fastapi dev` prints,
// instead of JSON: `GET /pets 200 3 ms`, plus the problem title and any violation.
import { Writable } from 'node:stream';

export function devLogStream(out: NodeJS.WritableStream = process.stderr): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const raw of chunk.toString().split('\n').filter(Boolean)) {
        try {
          const line = JSON.parse(raw) as { msg?: string; level?: number; req?: { method?: string; path?: string }; res?: { statusCode?: number }; responseTime?: number; violation?: string; err?: { message?: string } };
          if (line.res && line.req) {
            out.write(`  ${line.req.method} ${line.req.path} ${line.res.statusCode} ${line.responseTime ?? 0} ms\n`);
          } else if ((line.level ?? 0) >= 50) {
            out.write(`  ! ${line.violation ?? line.err?.message ?? line.msg}\n`);
          }
        } catch {
          out.write(raw + '\n');
        }
      }
      done();
    },
  });
}
