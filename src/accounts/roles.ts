import type { Role as StoredRole } from '../store/index.ts';
import { roles, type Role } from '../contracts/index.ts';

/**
 * The permission table lives in src/contracts (the console reads the same one); routes name a
 * permission, nothing else checks roles.
 */
export { can, permissions, roles, roleWithin, scopeAllows, tokenScopes, type Permission, type TokenScope } from '../contracts/index.ts';

// The stored role and the contract's role are one list.
roles satisfies readonly StoredRole[];
export const storedRolesMatch: StoredRole extends Role ? true : never = true;
