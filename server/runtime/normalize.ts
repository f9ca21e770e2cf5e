// The validator's copy of the contract: the rules live in normalize/, one file each. This file only
// keeps `import { normalizeForValidator } from './normalize.js'` working for the runtime.
export { normalizeForValidator, type Change, type Normalized } from './normalize/index.js';
