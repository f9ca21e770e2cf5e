// What every comparer shares while two documents are compared: both documents, the one schema
// comparer (so a schema pair is compared once), the date deprecation is judged against, and the
// list the changes go to.
import { schemaChangeId, type Direction, type SchemaPlace } from './catalogue.js';
import type { FoundChange, Pair } from './change.js';
import { SchemaComparer } from './compare-schemas.js';

export class DiffContext {
  readonly schemas: SchemaComparer;
  readonly changes: FoundChange[] = [];

  constructor(
    readonly docs: Pair<unknown>,
    /** `YYYY-MM-DD`: a sunset date before it has passed. */
    readonly today: string,
  ) {
    this.schemas = new SchemaComparer(docs);
  }

  add(id: string, operation: string | null, base: string | null, revision: string | null, message: string): void {
    this.changes.push({ id, operation, base, revision, message });
  }

  /** Compares two schemas in a direction and reports each finding under `what` (`request body`, `query parameter 'limit'`…). */
  compareSchemas(direction: Direction, place: SchemaPlace, operation: string, what: string, base: { value: unknown; pointer: string }, revision: { value: unknown; pointer: string }): void {
    for (const f of this.schemas.compare(direction, base, revision)) {
      const where = f.path.length > 0 ? `${what}, ${f.path.every((s) => s === '[]') ? 'items' : `property '${propertyPath(f.path)}'`}` : what;
      // Array items are the body (or parameter) itself, many times: only a property is nested.
      this.add(schemaChangeId(direction, place, f.path.some((s) => s !== '[]'), f.kind), operation, f.base, f.revision, `${where}: ${f.detail}`);
    }
  }
}

/** `['entries', '[]', 'name']` → `entries[].name`. */
function propertyPath(path: readonly string[]): string {
  return path.reduce((text, s) => (s === '[]' ? `${text}[]` : text === '' ? s : `${text}.${s}`), '');
}
