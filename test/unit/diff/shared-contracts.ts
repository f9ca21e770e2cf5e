// Where ../shared/contracts is (beside the checkout, or beside the folder of worktrees), or null on
// a machine without it: the tests that read it are then skipped, saying so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers.js';

export const SHARED_CONTRACTS: string | null =
  [process.env.SPECFIRST_SHARED_CONTRACTS, join(ROOT, '..', 'shared', 'contracts'), join(ROOT, '..', '..', 'shared', 'contracts')].find(
    (p): p is string => p !== undefined && existsSync(p),
  ) ?? null;
