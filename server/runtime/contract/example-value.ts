// The value an Example Object gives as data: OpenAPI 3.2's `dataValue` when it has one, else
// `value`. `serializedValue` and `externalValue` are serialised text, never data: not used here.
// Mocks, verify's requests and the example check all read examples through this one function.

/** The example's data and the member that holds it (for the pointer to it); undefined when it gives none. */
export function exampleData(example: unknown): { value: unknown; member: 'dataValue' | 'value' } | undefined {
  if (typeof example !== 'object' || example === null) return undefined;
  const e = example as { dataValue?: unknown; value?: unknown };
  if (e.dataValue !== undefined) return { value: e.dataValue, member: 'dataValue' };
  if (e.value !== undefined) return { value: e.value, member: 'value' };
  return undefined;
}
