import type { Document, FindOptions } from '@uccn/read-store';
import { FOUNDING_FIELDS, assertNever, compare } from '@uccn/domain';
import { readModel, type ProjectionDefinition } from '../projection.js';
import { eventOf, recordedAtOf } from '../shared/registry-event.js';

export const FIELDS = 'fields';

export interface FieldDoc extends Document {
  readonly field: string;
  readonly label: string;
  /** the first domain date a designation may name this field */
  readonly openedOn: string;
  readonly founding: boolean;
  /** when the system learned of the field; `null` for the founding seven (no event) */
  readonly recordedAt: string | null;
}

/**
 * The founding seven have no event (DESIGN §2), so they are not documents: they are the domain's
 * constant, merged by `fieldCatalogue` at query time. Writing them "when the first event arrives"
 * would leave an empty log with an empty catalogue, and seeding them at projection start would be
 * I/O outside the reducer; a constant is true on every log, including the empty one, and a
 * rebuild cannot lose it.
 */
export const FOUNDING_FIELD_DOCS: readonly FieldDoc[] = FOUNDING_FIELDS.map((f) => ({ id: f.field, ...f, recordedAt: null }));

const HANDLES = ['CreativeFieldAdded'] as const;

export const fieldCatalogueProjection: ProjectionDefinition = {
  name: 'field-catalogue',
  version: 1,
  collections: { [FIELDS]: { indexes: [['openedOn']] } },
  handles: HANDLES,
  touches: () => [],
  apply(recorded) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    switch (event.type) {
      case 'CreativeFieldAdded': {
        const { field, label, effectiveOn } = event.data;
        const doc: FieldDoc = { id: field, field, label, openedOn: effectiveOn, founding: false, recordedAt: recordedAtOf(recorded) };
        return [{ collection: FIELDS, id: field, doc }];
      }
      default:
        return assertNever(event.type);
    }
  },
};

/** The query side's reference to the fields added by events (the founding seven are `FOUNDING_FIELD_DOCS`). */
export const FIELDS_READ_MODEL = readModel<FieldDoc>(fieldCatalogueProjection, FIELDS);

/** The stored part of the catalogue: every field added by an event, by opening date. */
export const fieldCatalogueQuery = (): FindOptions => ({ sort: [['openedOn', 1]] });

/**
 * The whole catalogue: the founding seven, then the added fields, by opening date then slug.
 * A stored field wins over a founding one of the same slug (the log is the record).
 */
export function fieldCatalogue<D extends Document>(stored: readonly D[]): (D | FieldDoc)[] {
  const byField = new Map<string, D | FieldDoc>(FOUNDING_FIELD_DOCS.map((f) => [f.id, f]));
  for (const doc of stored) byField.set(doc.id, doc);
  return [...byField.values()].sort(
    (a, b) => compare(String(a['openedOn']), String(b['openedOn'])) || compare(a.id, b.id),
  );
}
