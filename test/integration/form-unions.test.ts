// Form and multipart text fields whose schema is a union (issue 16, item 8) are coerced through it:
// `anyOf: [{type: boolean}, {type: 'null'}]`, `type: [number, 'null']`, 3.0 `nullable: true`, a oneOf
// of number and string, a `$ref`'d anyOf of a string enum and an allOf'd integer, and a part whose
// encoding.contentType is JSON. Valid values reach the handler with their JS types; invalid ones are
// refused naming the field. Fixtures: test/fixtures/real-world/form-unions-{30,31}.yaml.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { fixture, generateInto, importApi, startServer, tempProject, type RunningServer } from '../helpers.js';

const ECHO = `import type { Handlers } from "../generated/operations.js";
export const complete: Handlers["complete"] = async ({ body }) => ({ status: 200, body: { received: body } }) as never;
`;

const ENCODINGS = {
  multipart: (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return { body: form };
  },
  urlencoded: (fields: Record<string, string>) => ({ body: new URLSearchParams(fields) }),
};

/** Valid fields as sent, and what the handler must get. */
const VALID: [Record<string, string>, Record<string, unknown>][] = [
  [{ stream: 'true', temperature: '0.2' }, { stream: true, temperature: 0.2 }],
  [{ stream: 'false', temperature: '1' }, { stream: false, temperature: 1 }],
  [{ stream: '', temperature: 'null' }, { stream: null, temperature: null }],
  [{ seed: '5' }, { seed: 5 }],
  [{ seed: 'abc' }, { seed: 'abc' }],
  [{ size: 'auto' }, { size: 'auto' }],
  [{ size: '3' }, { size: 3 }],
  [{ meta: '{"a":1}' }, { meta: { a: 1 } }],
];

const INVALID: [Record<string, string>, string][] = [
  [{ stream: 'yes' }, 'stream'],
  [{ temperature: 'warm' }, 'temperature'],
  [{ size: 'big' }, 'size'],
  [{ size: '0' }, 'size'],
  [{ meta: '{"a":"x"}' }, 'meta'],
];

for (const version of ['30', '31']) {
  describe(`form and multipart fields whose schema is a union (${version})`, () => {
    let project: Awaited<ReturnType<typeof tempProject>>;
    let server: RunningServer;
    const api = `form-unions-${version}`;
    before(async () => {
      project = await tempProject(api);
      await generateInto(fixture('real-world', `${api}.yaml`), project.dir);
      await writeFile(join(project.dir, api, 'handlers', 'complete.ts'), ECHO);
      server = await startServer({ apis: [await importApi(project.dir, api)], logger: pino({ level: 'silent' }) });
    });
    after(async () => {
      await server.close();
      await project.remove();
    });

    for (const [encoding, encode] of Object.entries(ENCODINGS)) {
      for (const [fields, expected] of VALID) {
        it(`passes ${new URLSearchParams(fields)} (${encoding}) to the handler as ${JSON.stringify(expected)}`, async () => {
          const res = await fetch(`${server.url}/completions`, { method: 'POST', ...encode(fields) });
          const text = await res.text();
          assert.equal(res.status, 200, text);
          assert.deepEqual((JSON.parse(text) as { received: unknown }).received, expected);
        });
      }
      for (const [fields, name] of INVALID) {
        it(`refuses ${new URLSearchParams(fields)} (${encoding}) with 400 naming ${name}`, async () => {
          const res = await fetch(`${server.url}/completions`, { method: 'POST', ...encode(fields) });
          const text = await res.text();
          assert.equal(res.status, 400, text);
          const problem = JSON.parse(text) as { errors: { in: string; name?: string; pointer?: string }[] };
          assert.ok(problem.errors.length > 0 && problem.errors.every((e) => e.in === 'body' && `${e.name ?? ''} ${e.pointer ?? ''}`.includes(name)), text);
        });
      }
    }
  });
}
