// The differential test's judgement: each request goes to specfirst directly, through
// `prism proxy --errors` (Prism's verdict on the request) and through a `prism proxy` without
// `--errors`, which forwards everything and lists violations in `sl-violations`, so every answer
// specfirst gives is checked against the contract, its own 400s and 401s included. This module turns those three answers into
// verdicts, matches them against the reviewed allow-list and prints the table.
import type { RequestSpec } from '../../generator/requests/build-request.js';

export type Verdict = 'accept' | 'reject';

/** What one side says about one request, with enough detail for a failure message. */
export interface Answer {
  status: number;
  /** specfirst's X-Request-Id: present when specfirst produced the answer (Prism forwarded it). */
  requestId: string | null;
  contentType: string;
  body: string;
  violations: Violation[];
}

export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** A reviewed exception: where it applies, what each side says, and the rule that makes specfirst right. */
export interface AllowedDisagreement {
  contract?: string;
  /** `GET /pets/{petId}`; any when left out. */
  operation?: string;
  /** The variant's kind, or its family (`missing:cookie` covers `missing:cookie:view`); any when left out. */
  kind?: string;
  specfirst: Verdict;
  prism: Verdict;
  /** What Prism says about the request, when only some of its complaints are covered. */
  detail?: RegExp;
  rule: string;
}

/** A reviewed exception for a response Prism flags: the violation's message and the rule. */
export interface AllowedViolation {
  contract?: string;
  operation?: string;
  kind?: string;
  message: RegExp;
  rule: string;
}

export interface Case {
  contract: string;
  operation: string;
  kind: string;
  expect: Verdict;
  spec: RequestSpec;
  direct: Answer;
  viaPrism: Answer;
  checked: Answer;
}

/** A runtime bug the test found that is filed and being fixed: reported, not failing the contract's test. */
export interface KnownBug {
  contract?: string;
  operation?: string;
  kind?: string;
  problem: RegExp;
  /** Where it is filed and what the fix is. */
  issue: string;
}

export interface Finding {
  case: Case;
  problem: string;
  allowedBy?: AllowedDisagreement | AllowedViolation;
  knownBug?: KnownBug;
}

// What specfirst answers when it refuses a request as the contract tells it to.
const REJECTIONS = new Set([400, 401, 403, 405, 406, 413, 415, 422]);
const PRISM_ERROR = 'https://stoplight.io/prism/errors#';

export async function send(base: string, spec: RequestSpec): Promise<Answer> {
  const res = await fetch(base + spec.url, { method: spec.method, headers: spec.headers, body: spec.body as RequestInit['body'], redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  const body = await res.text();
  let violations: Violation[] = [];
  const header = res.headers.get('sl-violations');
  if (header) {
    try {
      violations = JSON.parse(header.replace(/^Too many violations! /, '')) as Violation[];
    } catch {
      violations = [{ location: ['response'], severity: 'Error', message: `unparsable sl-violations: ${header.slice(0, 200)}` }];
    }
  }
  return { status: res.status, requestId: res.headers.get('x-request-id'), contentType: res.headers.get('content-type') ?? '', body, violations };
}

export function specfirstVerdict(answer: Answer): Verdict {
  return REJECTIONS.has(answer.status) ? 'reject' : 'accept';
}

/** Prism's own error responses (not forwarded): their `type` is Prism's. */
export function prismError(answer: Answer): { type: string; detail: string } | null {
  if (!answer.contentType.includes('problem+json')) return null;
  try {
    const body = JSON.parse(answer.body) as { type?: string; detail?: string; validation?: Violation[] };
    if (!body.type?.startsWith(PRISM_ERROR)) return null;
    const details = body.validation?.map((v) => `${(v.location ?? []).join('.')} ${v.message}`).join('; ');
    return { type: body.type.slice(PRISM_ERROR.length), detail: details || body.detail || '' };
  } catch {
    return null;
  }
}

/**
 * Prism's verdict on the request: forwarded (the answer is specfirst's, or Prism's --errors 500
 * about specfirst's response), or refused with an answer of its own (422, 401, its JSON parser's 400).
 */
export function prismVerdict(answer: Answer): Verdict {
  return answer.requestId !== null || prismError(answer)?.type === 'VIOLATIONS' ? 'accept' : 'reject';
}

/**
 * Response violations Prism reports, in its header or as its --errors 500. `mustForward`: the
 * answer comes from the Prism that forwards everything, so an answer of Prism's own means the
 * response went unchecked, which is a failure too.
 */
export function responseViolations(answer: Answer, mustForward: boolean): Violation[] {
  const fromHeader = answer.violations.filter((v) => v.location?.[0] === 'response' && v.severity === 'Error');
  const error = prismError(answer);
  if (error?.type === 'VIOLATIONS' && fromHeader.length === 0) return [{ location: ['response'], severity: 'Error', message: error.detail }];
  if (mustForward && answer.requestId === null && error?.type !== 'VIOLATIONS') {
    return [{ location: ['response'], severity: 'Error', message: `went unchecked: Prism answered ${answer.status} itself (${error ? `${error.type} ${error.detail}` : answer.body.slice(0, 200)})` }];
  }
  return fromHeader;
}

export function judge(c: Case, allowDisagreements: readonly AllowedDisagreement[], allowViolations: readonly AllowedViolation[], knownBugs: readonly KnownBug[]): Finding[] {
  const findings: Finding[] = [];
  const where = (e: { contract?: string; operation?: string }) => (!e.contract || e.contract === c.contract) && (!e.operation || e.operation === c.operation);
  const kindMatches = (kind: string | undefined) => kind === undefined || c.kind === kind || c.kind.startsWith(`${kind}:`);
  if (c.direct.status >= 500) findings.push({ case: c, problem: `specfirst answered ${c.direct.status}: ${c.direct.body.slice(0, 300)}` });
  const ours = specfirstVerdict(c.direct);
  const theirs = prismVerdict(c.viaPrism);
  if (ours !== theirs) {
    const prism = prismError(c.viaPrism);
    const why = theirs === 'reject' ? `Prism ${c.viaPrism.status} ${prism ? `${prism.type}: ${prism.detail}` : c.viaPrism.body.slice(0, 160)}` : `Prism forwarded it (${c.viaPrism.status} ${c.viaPrism.contentType} ${c.viaPrism.body.slice(0, 160)})`;
    const allowedBy = allowDisagreements.find((e) => where(e) && kindMatches(e.kind) && e.specfirst === ours && e.prism === theirs && (!e.detail || (prism !== null && prism.detail.split('; ').every((d) => e.detail!.test(d)))));
    findings.push({ case: c, problem: `specfirst ${ours}s (${c.direct.status} ${c.direct.body.slice(0, 200)}), ${why}`, allowedBy });
  }
  for (const v of [...responseViolations(c.checked, true), ...responseViolations(c.viaPrism, false)]) {
    const message = `${(v.location ?? []).join('.')} ${v.message}`;
    if (findings.some((f) => f.problem === `response violates the contract: ${message}`)) continue;
    const allowedBy = allowViolations.find((e) => where(e) && kindMatches(e.kind) && e.message.test(message));
    findings.push({ case: c, problem: `response violates the contract: ${message}`, allowedBy });
  }
  for (const f of findings) if (!f.allowedBy) f.knownBug = knownBugs.find((b) => where(b) && kindMatches(b.kind) && b.problem.test(f.problem));
  return findings;
}

export interface Row {
  contract: string;
  requests: number;
  agree: number;
  allowListed: number;
  disagreements: number;
  /** Of the disagreements, those that are known runtime bugs (filed, being fixed). */
  knownBugs: number;
}

/** One row per contract: a request agrees when it has no finding at all. */
export function summarize(contract: string, cases: Case[], findings: Finding[]): Row {
  const byCase = new Map<Case, Finding[]>();
  for (const f of findings) byCase.set(f.case, [...(byCase.get(f.case) ?? []), f]);
  let agree = 0;
  let allowListed = 0;
  let disagreements = 0;
  let knownBugs = 0;
  for (const c of cases) {
    const fs = byCase.get(c) ?? [];
    if (fs.length === 0) agree++;
    else if (fs.every((f) => f.allowedBy)) allowListed++;
    else {
      disagreements++;
      if (fs.every((f) => f.allowedBy || f.knownBug)) knownBugs++;
    }
  }
  return { contract, requests: cases.length, agree, allowListed, disagreements, knownBugs };
}

export function table(rows: Row[]): string {
  const header = ['contract', 'requests', 'agree', 'allow-listed', 'disagreements'];
  const cells = [...rows.map((r) => [r.contract, r.requests, r.agree, r.allowListed, r.disagreements].map(String))];
  const total = ['total', ...[1, 2, 3, 4].map((i) => String(cells.reduce((n, row) => n + Number(row[i]), 0)))];
  const all = [header, ...cells, total];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const known = rows.reduce((n, r) => n + r.knownBugs, 0);
  const lines = all.map((row) => '| ' + row.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ') + ' |');
  return [...lines, `(${known} of the disagreements are known runtime bugs, listed in KNOWN_BUGS with their issue)`].join('\n');
}
