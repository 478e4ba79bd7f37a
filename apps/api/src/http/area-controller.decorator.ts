import { applyDecorators, Controller, Get } from '@nestjs/common';
import type { Role } from '@uccn/config';
import { ApiArea, ApiRead, type ApiReadOptions, type ApiTag } from './openapi.decorators.js';
import { Roles } from './roles.decorator.js';

/**
 * A controller of one area of the contract (DESIGN §3): its path, its group in the document with the
 * API key it needs, and the roles that may call it. The three always go together.
 */
export const AreaController = (path: string, area: Exclude<ApiTag, 'health'>, roles: readonly Role[]) =>
  applyDecorators(Controller(path), ApiArea(area), Roles(...roles));

/** A read: `GET path` with its 200 answer and errors in the document. */
export const ReadRoute = (path: string, docs: ApiReadOptions) => applyDecorators(Get(path), ApiRead(docs));
