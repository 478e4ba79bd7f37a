import { Query } from '@nestjs/cqrs';

/** One change in a city's timeline, on both clocks, with who made it and the event behind it. */
export interface CityHistoryEntry {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  /** when it happened in the world */
  readonly domainDate: string;
  /** when the system learned it */
  readonly recordedAt: string;
  readonly actor: string | null;
  readonly role: string | null;
  readonly correlationId: string | null;
  readonly summary: string;
  readonly data: Record<string, unknown>;
}

export interface CityHistory {
  readonly cityId: string;
  readonly items: readonly CityHistoryEntry[];
}

export class CityHistoryQuery extends Query<CityHistory> {
  constructor(readonly cityId: string) {
    super();
  }
}
