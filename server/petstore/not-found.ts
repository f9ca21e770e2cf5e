// The example's 404 problem for a pet id, shared by its handlers. Not a handler: it lives beside
// handlers/, since specfirst reports files in handlers/ that no operation uses.

export function petNotFound(petId: number, requestId: string) {
  return {
    status: 404,
    contentType: "application/problem+json",
    body: {
      type: "urn:specfirst:problem:not-found",
      title: "No such resource",
      status: 404,
      detail: `There is no pet with id ${petId}.`,
      instance: `/pets/${petId}`,
      requestId,
    },
  } as const;
}
