// Where the schemas of an OpenAPI 3.0/3.1 document are. The walker follows the document's structure
// (paths → operations → parameters, bodies, responses, callbacks; components by kind) and, inside a
// schema, only the keywords that hold schemas: a property named `content`, `example` or `nullable`
// is a name, never a keyword, and an example's value is never mistaken for a schema.
// Never follows a `$ref`: what it points at is walked where it is defined.
import { operationsOf } from '../contract/methods.js';
import { escapeSegment } from '../contract/pointer.js';

export type Json = Record<string, unknown>;

/**
 * Called before the walker looks inside the node, so a callback may rewrite the node in place
 * (wrap keywords, drop parameters) and the walker then visits what the node holds afterwards.
 * `pointer` is where the node was in the document as written, even after an ancestor moved it.
 */
export interface Visitor {
  pathItem?(item: Json, pointer: string): void;
  operation?(operation: Json, pointer: string): void;
  parameter?(parameter: Json, pointer: string): void;
  header?(header: Json, pointer: string): void;
  mediaType?(media: Json, pointer: string): void;
  schema?(schema: Json, pointer: string): void;
}

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = [
  'items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains',
  'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
];
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks every object of `doc` that the visitor asks about, each once. */
export function walkDocument(doc: Json, visitor: Visitor, origins: WeakMap<object, string> = new WeakMap()): void {
  new Walker(visitor, origins).document(doc);
}

/** Walks one schema and every schema it holds (not what its `$ref`s point at). */
export function walkSchema(schema: unknown, pointer: string, visit: (schema: Json, pointer: string) => void): void {
  new Walker({ schema: visit }, new WeakMap()).schema(schema, pointer);
}

/** The pointer of every object the walker reaches, before anything is rewritten. */
export function indexPointers(doc: Json): WeakMap<object, string> {
  const origins = new WeakMap<object, string>();
  const record = (node: Json, pointer: string) => void (origins.has(node) || origins.set(node, pointer));
  walkDocument(doc, { pathItem: record, operation: record, parameter: record, header: record, mediaType: record, schema: record }, origins);
  return origins;
}

class Walker {
  private readonly seen = new WeakSet<object>();
  constructor(
    private readonly visitor: Visitor,
    private readonly origins: WeakMap<object, string>,
  ) {}

  private at(node: object, pointer: string): string {
    return this.origins.get(node) ?? pointer;
  }

  private first(node: unknown): node is Json {
    if (!isObject(node) || this.seen.has(node)) return false;
    this.seen.add(node);
    return true;
  }

  document(doc: Json): void {
    this.map(doc.paths, '/paths', (item, p) => this.pathItem(item, p));
    this.map(doc.webhooks, '/webhooks', (item, p) => this.pathItem(item, p));
    const c = isObject(doc.components) ? doc.components : {};
    this.map(c.schemas, '/components/schemas', (s, p) => this.schema(s, p));
    this.map(c.parameters, '/components/parameters', (s, p) => this.parameter(s, p));
    this.map(c.headers, '/components/headers', (s, p) => this.header(s, p));
    this.map(c.requestBodies, '/components/requestBodies', (s, p) => this.content(s, p));
    this.map(c.responses, '/components/responses', (s, p) => this.response(s, p));
    this.map(c.callbacks, '/components/callbacks', (s, p) => this.callback(s, p));
    this.map(c.pathItems, '/components/pathItems', (s, p) => this.pathItem(s, p));
  }

  private map(value: unknown, pointer: string, each: (node: unknown, pointer: string) => void): void {
    if (!isObject(value)) return;
    for (const [key, node] of Object.entries(value)) each(node, `${pointer}/${escapeSegment(key)}`);
  }

  private list(value: unknown, pointer: string, each: (node: unknown, pointer: string) => void): void {
    if (Array.isArray(value)) value.forEach((node, i) => each(node, `${pointer}/${i}`));
  }

  private pathItem(node: unknown, pointer: string): void {
    if (!this.first(node) || typeof node.$ref === 'string') return;
    const p = this.at(node, pointer);
    this.visitor.pathItem?.(node, p);
    this.list(node.parameters, `${p}/parameters`, (s, q) => this.parameter(s, q));
    for (const { at, operation } of operationsOf(node)) if (isObject(operation)) this.operation(operation, `${p}/${at.map(escapeSegment).join('/')}`);
  }

  private operation(node: unknown, pointer: string): void {
    if (!this.first(node) || typeof node.$ref === 'string') return;
    const p = this.at(node, pointer);
    this.visitor.operation?.(node, p);
    this.list(node.parameters, `${p}/parameters`, (s, q) => this.parameter(s, q));
    if (isObject(node.requestBody)) this.content(node.requestBody, `${p}/requestBody`);
    this.map(node.responses, `${p}/responses`, (s, q) => this.response(s, q));
    this.map(node.callbacks, `${p}/callbacks`, (s, q) => this.callback(s, q));
  }

  private callback(node: unknown, pointer: string): void {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    this.map(node, pointer, (item, p) => this.pathItem(item, p));
  }

  private parameter(node: unknown, pointer: string): void {
    if (!this.first(node) || typeof node.$ref === 'string') return;
    const p = this.at(node, pointer);
    this.visitor.parameter?.(node, p);
    this.schema(node.schema, `${p}/schema`);
    this.mediaTypes(node.content, `${p}/content`);
  }

  private header(node: unknown, pointer: string): void {
    if (!this.first(node) || typeof node.$ref === 'string') return;
    const p = this.at(node, pointer);
    this.visitor.header?.(node, p);
    this.schema(node.schema, `${p}/schema`);
    this.mediaTypes(node.content, `${p}/content`);
  }

  /** A request body, or anything else whose `content` maps media types. */
  private content(node: unknown, pointer: string): void {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    this.mediaTypes(node.content, `${pointer}/content`);
  }

  private response(node: unknown, pointer: string): void {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    this.map(node.headers, `${pointer}/headers`, (h, p) => this.header(h, p));
    this.mediaTypes(node.content, `${pointer}/content`);
  }

  private mediaTypes(value: unknown, pointer: string): void {
    this.map(value, pointer, (node, p0) => {
      if (!this.first(node)) return;
      const p = this.at(node, p0);
      this.visitor.mediaType?.(node, p);
      this.schema(node.schema, `${p}/schema`);
      this.schema(node.itemSchema, `${p}/itemSchema`);
      this.map(node.encoding, `${p}/encoding`, (enc, q) => {
        if (isObject(enc)) this.map(enc.headers, `${q}/headers`, (h, r) => this.header(h, r));
      });
    });
  }

  schema(node: unknown, pointer: string): void {
    if (!this.first(node)) return;
    const p = this.at(node, pointer);
    this.visitor.schema?.(node, p);
    for (const [child, q] of schemaChildren(node, p)) this.schema(child, q);
  }
}

/** The schemas one schema holds directly, with their pointers. */
export function schemaChildren(node: Json, pointer: string): [unknown, string][] {
  const children: [unknown, string][] = [];
  const list = (value: unknown, p: string) => Array.isArray(value) && value.forEach((s, i) => children.push([s, `${p}/${i}`]));
  const map = (value: unknown, p: string) => isObject(value) && Object.entries(value).forEach(([k, s]) => children.push([s, `${p}/${escapeSegment(k)}`]));
  for (const key of SCHEMA_KEYWORDS) {
    if (Array.isArray(node[key])) list(node[key], `${pointer}/${key}`);
    else if (key in node) children.push([node[key], `${pointer}/${key}`]);
  }
  for (const key of SCHEMA_ARRAY_KEYWORDS) list(node[key], `${pointer}/${key}`);
  for (const key of SCHEMA_MAP_KEYWORDS) map(node[key], `${pointer}/${key}`);
  // draft-04 `dependencies`: a schema per property, or a list of property names (not a schema).
  map(node.dependencies, `${pointer}/dependencies`);
  return children;
}
