// Objects whose property names the client chooses (query keys, form fields, multipart parts):
// each name becomes an own data property of an ordinary object, as JSON.parse makes them, so
// `__proto__`, `constructor` and `prototype` are names like any other and never set a prototype.
// Assigning `object.__proto__ = value` would call Object.prototype's setter instead.

export function setOwn(into: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(into, name, { value, writable: true, enumerable: true, configurable: true });
  else into[name] = value;
}

