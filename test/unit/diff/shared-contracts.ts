// Where ../shared/contracts is (bench/large-contracts.ts decides), or null on a machine without
// it: the tests that read it are then skipped, saying so.
import { sharedContractsDir } from '../../../bench/large-contracts.js';

export const SHARED_CONTRACTS: string | null = sharedContractsDir();
