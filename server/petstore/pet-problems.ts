// The example's problems (RFC 9457, in the contract's Problem shape), shared by its handlers. Not
// handlers: they live beside handlers/, since specfirst reports files in handlers/ that no
// operation uses.

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

/** 409: the database's UNIQUE (species, name) refused the write. */
export function nameTaken(name: string, instance: string, requestId: string) {
  return {
    status: 409,
    contentType: "application/problem+json",
    body: {
      type: "urn:specfirst:problem:name-taken",
      title: "The name is taken",
      status: 409,
      detail: `Another pet of the same species is named ${name}; a pet's name is unique within its species.`,
      instance,
      requestId,
    },
  } as const;
}

/** 507: the example's store holds as many pets as it may (PetStore.maxPets). */
export function storeFull(maxPets: number, requestId: string) {
  return {
    status: 507,
    contentType: "application/problem+json",
    body: {
      type: "urn:specfirst:problem:store-full",
      title: "The store is full",
      status: 507,
      detail: `The example keeps at most ${maxPets} pets; delete one to make room.`,
      instance: "/pets",
      requestId,
    },
  } as const;
}
