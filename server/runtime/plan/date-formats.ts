// `date` and `date-time` as ajv-formats checks them in full mode, with a fast path for the shape
// nearly every value has (`2026-01-02`, `2026-01-02T03:04:05.678Z`, `…+01:00`): read by character
// codes instead of ajv-formats' regular expressions with capture groups and a `split`. The fast
// path answers only for values of exactly that shape, where it computes what ajv-formats computes
// (the same month, day and leap-year rules); anything else goes to ajv-formats' own function, so
// the two accept and refuse the same strings (differential test: test/unit/runtime/plan/
// date-formats.test.ts). A list of 20 pets checks 40 of these per response.
import { fullFormats } from 'ajv-formats/dist/formats.js';

type Check = (value: string) => boolean;
interface FormatDefinition {
  validate: Check;
  compare: (a: string, b: string) => number | undefined;
}

const full = fullFormats as unknown as Record<'date' | 'date-time', FormatDefinition>;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Whether `YYYY-MM-DD` at the start of `s` has that shape (-1 if not), and if so whether it is a real day (1 or 0). */
function dayAt(s: string): number {
  const century = two(s, 0);
  const years = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (century < 0 || years < 0 || month < 0 || day < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const year = century * 100 + years;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!) ? 1 : 0;
}

const date: Check = (s) => {
  if (s.length === 10) {
    const day = dayAt(s);
    if (day >= 0) return day === 1;
  }
  return full.date.validate(s);
};

/** `YYYY-MM-DD`, `T`/`t`/space, `HH:MM:SS`, optional `.` and digits, then `Z`/`z` or `±HH:MM`. */
function fastDateTime(s: string): boolean | undefined {
  const n = s.length;
  if (n < 20) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return undefined;
  const day = dayAt(s);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (day < 0 || hour < 0 || minute < 0 || second < 0 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    i++;
    const digits = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === digits) return undefined;
  }
  const zone = s.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== n) return undefined;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return undefined;
    const zh = two(s, i + 1);
    const zm = two(s, i + 4);
    if (zh < 0 || zm < 0 || zh > 23 || zm > 59) return undefined;
  } else {
    return undefined;
  }
  // Not a leap second (ajv-formats' own rule for those, which depends on the offset, decides them).
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return day === 1;
}

const dateTime: Check = (s) => fastDateTime(s) ?? full['date-time'].validate(s);

/** Formats given to the validators in place of ajv-formats' `date` and `date-time`: same answers, faster. */
export const dateFormats: Record<'date' | 'date-time', FormatDefinition> = {
  date: { validate: date, compare: full.date.compare },
  'date-time': { validate: dateTime, compare: full['date-time'].compare },
};
