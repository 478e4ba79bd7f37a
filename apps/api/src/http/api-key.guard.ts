import { Inject, Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@uccn/config';
import { ApiKeyRing, API_KEY_RING } from './api-keys.js';
import { ROLES_KEY } from './roles.decorator.js';

/** `Authorization: Bearer <key>` → the caller's principal; 401 without a valid key, 403 for a wrong role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_RING) private readonly keys: ApiKeyRing,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = this.keys.authenticate(request.headers.authorization);
    if (!principal) throw new UnauthorizedException('a valid API key is required: Authorization: Bearer <key>');
    request.principal = principal;
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`the ${principal.role} role may not call this route; it needs ${roles.join(' or ')}`);
    }
    return true;
  }
}
