import { Query } from '@nestjs/cqrs';
import type { RegisterItem } from '@uccn/projections';
import type { PageRequest } from '../shared/page.js';

/** The register as it stood on `asOf` (domain clock) as the system knew it at `knownAt` (recording clock). */
export interface MembershipRegister {
  readonly asOf: string;
  readonly knownAt: string;
  readonly items: readonly RegisterItem[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
}

export class MembershipRegisterQuery extends Query<MembershipRegister> {
  constructor(
    /** default: today */
    readonly asOf: string | undefined,
    /** default: now */
    readonly knownAt: string | undefined,
    readonly paging: PageRequest,
  ) {
    super();
  }
}
