// Fixed verify rows for the report formatters' tests: one of each kind of outcome.
import type { VerifyRow } from '../../../generator/verify/row.js';

const row = (over: Partial<VerifyRow>): VerifyRow => ({
  contract: 'contracts/petstore.yaml', load: 'ok', generateMs: 812, tscMs: 1530, startMs: 402, operations: 4, validOk: 4, invalidRejected: 4,
  noInvalidRequest: [], contractProblems: [], failures: [], unverified: [], ...over,
});

export const ROWS: VerifyRow[] = [
  row({}),
  row({
    contract: 'contracts/bad_examples.yaml', operations: 3, validOk: 3, invalidRejected: 2,
    contractProblems: [
      'contracts/bad_examples.yaml:16:11 warning example the example of query parameter "limit" does not match its schema (the value must be <= 100)',
      'contracts/bad_examples.yaml:30:5 warning unused-component schema "Old" is never used',
      'contracts/bad_examples.yaml:44:7 warning example the example of `body` | pipes does not match its schema',
      'GET /pets/ (listPets2): not sent, unreachable: GET /pets serves it, declared first (identical-paths)',
    ],
    noInvalidRequest: ['POST /anything: no invalid request possible (its schemas accept any value and it takes unknown query parameters)'],
  }),
  row({
    contract: 'contracts/broken.yaml', operations: 2, validOk: 1, invalidRejected: 2,
    failures: ['GET /nothing: valid request got 500: {"type":"urn:specfirst:problem:response-invalid","detail":"a | b"}'],
    unverified: ['GET /odd: no valid value could be made for query "x"; the server answered 400'],
    contractProblems: ['GET /boom: served as a contract problem (500): {"type":"urn:specfirst:contract"}'],
  }),
  row({ contract: 'contracts/no-load.yaml', load: 'failed', generateMs: 0, tscMs: 0, startMs: 0, operations: 0, validOk: 0, invalidRejected: 0, failures: ['load: the contract does not load: contracts/no-load.yaml:8:16 error yaml Nested mappings are not allowed in compact mappings'], contractProblems: ['contracts/no-load.yaml:8:16 error yaml Nested mappings are not allowed in compact mappings'] }),
];
