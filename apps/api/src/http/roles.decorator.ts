import { SetMetadata } from '@nestjs/common';
import type { Role } from '@uccn/config';

export const ROLES_KEY = 'uccn:roles';

/** The roles that may call a route (DESIGN §3). A route without it is public (health, docs). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The contract's groups of routes. */
export const ADMIN: Role[] = ['secretariat'];
export const AUDIT: Role[] = ['auditor'];
export const ANALYTICS: Role[] = ['secretariat', 'auditor', 'analyst'];
export const OPERATIONS: Role[] = ['auditor', 'secretariat'];
