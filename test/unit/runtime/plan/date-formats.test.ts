// The fast `date` and `date-time` checks answer exactly what ajv-formats' full-mode checks answer:
// on strings near the shapes (where a fast path could be wrong), on real timestamps with every
// offset and on leap-second edge cases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { dateFormats } from '../../../../server/runtime/plan/date-formats.js';

type Check = (s: string) => boolean;
const reference = fullFormats as unknown as Record<'date' | 'date-time', { validate: Check }>;
const NAMES = ['date', 'date-time'] as const;

/** Strings made of the pieces these formats are made of, in any order and number. */
const nearShape = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^\d{1,4}$/),
      fc.constantFrom('-', ':', '.', 'T', 't', ' ', 'Z', 'z', '+', '\n', '\u00a0', '\t', 'x', '٣', '2026-02-29', '2024-02-29', '23:59:60', '00:00:00', '12:60:00', '24:00:00', '+23:59', '-24:00', '+05:60'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** A real instant written with a random offset, separator, case and fraction. */
const timestamps = fc
  .record({
    ms: fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 }),
    sep: fc.constantFrom('T', 't', ' '),
    zone: fc.oneof(fc.constantFrom('Z', 'z', ''), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(':', '')).map(([s, h, m, c]) => `${s}${String(h).padStart(2, '0')}${c}${String(m).padStart(2, '0')}`)),
    fraction: fc.constantFrom('', '.1', '.123', '.123456789', '.'),
    second: fc.constantFrom(null, '59', '60', '61'),
  })
  .map(({ ms, sep, zone, fraction, second }) => {
    const iso = new Date(ms).toISOString();
    const s = second ?? iso.slice(17, 19);
    return `${iso.slice(0, 10)}${sep}${iso.slice(11, 17)}${s}${fraction}${zone}`;
  });

describe('date-formats: the fast date and date-time checks', () => {
  for (const name of NAMES) {
    it(`${name}: the same answer as ajv-formats on strings near the shape`, () => {
      fc.assert(
        fc.property(nearShape, (s) => dateFormats[name].validate(s) === reference[name].validate(s)),
        { numRuns: 20_000 },
      );
    });
    it(`${name}: the same answer as ajv-formats on real timestamps, every offset, leap seconds`, () => {
      fc.assert(
        fc.property(timestamps, (s) => dateFormats[name].validate(s) === reference[name].validate(s) && dateFormats[name].validate(s.slice(0, 10)) === reference[name].validate(s.slice(0, 10))),
        { numRuns: 20_000 },
      );
    });
  }

  it('decides the cases that matter the same way', () => {
    const cases = ['2024-02-29', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-02T03:04:05Z', '2026-01-02t03:04:05.5z', '2026-01-02 03:04:05+01:00', '2026-01-02T03:04:05', '2026-02-30T00:00:00Z', '2026-12-31T23:59:60Z', '2026-12-31T22:59:60-01:00', '2026-12-31T23:59:60+01:00', '2026-01-02T24:00:00Z', '2026-01-02T03:04:05+24:00', '2026-01-02T03:04:05.Z', '2026-01-02TT03:04:05Z', '2026-01-02T03:04:05Z\n'];
    for (const s of cases) for (const name of NAMES) assert.equal(dateFormats[name].validate(s), reference[name].validate(s), `${name} ${JSON.stringify(s)}`);
    assert.equal(dateFormats['date-time'].validate('2026-02-30T00:00:00Z'), false);
    assert.equal(dateFormats['date-time'].validate('2026-01-02T03:04:05.678Z'), true);
  });
});
