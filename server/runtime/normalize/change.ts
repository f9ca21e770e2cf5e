// What a rule tells the start-up log: one entry per change, located in the contract as written.
import type { Json } from './walk.js';

export interface Change {
  /** JSON Pointer into the bundled contract (`openapi.json`), where the construct is written. */
  pointer: string;
  /** The rule that made the change: one file of this folder. */
  rule: string;
  /** What was changed and why the meaning is the same. */
  message: string;
}

export type Dialect = '3.0' | '3.1';

/** What every rule receives besides the node it rewrites. */
export interface RuleContext {
  dialect: Dialect;
  /** Follows internal `$ref`s (the bundled document has no other kind); undefined when it does not resolve. */
  resolve(ref: string): Json | undefined;
  record(pointer: string, rule: string, message: string): void;
}

/** A rule over one schema object, rewriting it in place; the walker then visits what it holds. */
export type SchemaRule = (schema: Json, pointer: string, context: RuleContext) => void;
