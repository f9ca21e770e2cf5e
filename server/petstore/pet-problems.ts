// The example's problems (RFC 9457, in the contract's Problem shape), shared by its handlers. Not
// handlers: they live beside handlers/, since specfirst reports files in handlers/ that no
// operation uses.

function problem<Status extends number>(status: Status, code: string, title: string, detail: string, instance: string, requestId: string) {
  return {
    status,
    contentType: "application/problem+json",
    body: { type: `urn:specfirst:problem:${code}`, title, status, detail, instance, requestId },
  } as const;
}

export function petNotFound(petId: number, requestId: string) {
  return problem(404, "not-found", "No such resource", `There is no pet with id ${petId}.`, `/pets/${petId}`, requestId);
}

/** 409: the database's UNIQUE (species, name) refused the write. */
export function nameTaken(name: string, instance: string, requestId: string) {
  const detail = `Another pet of the same species is named ${name}; a pet's name is unique within its species.`;
  return problem(409, "name-taken", "The name is taken", detail, instance, requestId);
}

/** 507: the example's store holds as many pets as it may (PetStore.maxPets). */
export function storeFull(maxPets: number, requestId: string) {
  return problem(507, "store-full", "The store is full", `The example keeps at most ${maxPets} pets; delete one to make room.`, "/pets", requestId);
}
