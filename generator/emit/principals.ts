// Who the caller is, per security scheme: inferred from what the person's verifiers in ../security/
// return, so that `context.principal` is typed by their own code. A module of its own because it
// imports those verifiers, which import the kit in security.ts: kept apart, the generated modules
// form no import cycle. Written only when the contract has security schemes. Pure: model in, TS out.
import type { ApiModel } from '../model/model.js';
import { generatedHeader } from './header.js';
import { docComment } from './doc-comment.js';
import { describe } from './security.js';

export function emitPrincipals(model: ApiModel, source: string): string {
  const principals = model.securitySchemes.map(
    (s) => `${docComment([describe(s)], { indent: '  ' })}\n  ${JSON.stringify(s.key)}: PrincipalOf<typeof import("../security/${s.fileStem}.js").${s.name}>;`,
  );
  return [generatedHeader(source), '', 'import type { Allow } from "./security.js";', '', PRINCIPAL_OF,
    '/** Who the caller is, per scheme: inferred from what your verifiers in ../security/ return. */',
    `export interface Principals {\n${principals.join('\n')}\n}`,
    '',
  ].join('\n');
}

/** What a verifier allows with: the `P` of the `Allow<P>` it returns (or resolves to). */
const PRINCIPAL_OF = `type PrincipalOf<V> = V extends (...args: never[]) => infer R ? (Awaited<R> extends infer A ? (A extends Allow<infer P> ? P : never) : never) : never;
`;
