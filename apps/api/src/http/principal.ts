import type { Role } from '@uccn/config';

/** Who is calling: the API key's name and role, never the key itself. */
export interface Principal {
  readonly name: string;
  readonly role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
