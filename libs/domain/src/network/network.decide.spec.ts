import { specFor } from '../shared/decider-spec.js';
import type { AddCreativeField } from './network.commands.js';
import { networkDecider, requireFieldOpenOn, requireKnownField } from './network.decide.js';
import type { CreativeFieldAdded } from './network.events.js';
import { fieldCatalogue, isKnownField } from './network.state.js';

const given = specFor(networkDecider);
const today = '2025-12-01';

// UNESCO opened the eighth field with the designations of 30/31 October 2025 (data/SOURCES.md §1.1)
const addArchitecture: AddCreativeField = {
  type: 'AddCreativeField',
  field: 'architecture',
  label: 'Architecture',
  effectiveOn: '2025-10-31',
  today,
};
const architectureAdded: CreativeFieldAdded = {
  type: 'CreativeFieldAdded',
  data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' },
};

describe('the field catalogue', () => {
  it('holds the seven founding fields from 2004-01-01 without any event', () => {
    const catalogue = fieldCatalogue([]);
    expect(catalogue.fields.map((f) => f.field)).toEqual([
      'crafts-and-folk-art',
      'design',
      'film',
      'gastronomy',
      'literature',
      'media-arts',
      'music',
    ]);
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'gastronomy'), '2004-01-01')).not.toThrow();
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'gastronomy'), '2003-12-31')).toThrow(expect.objectContaining({ code: 'CreativeFieldNotYetOpen' }));
  });

  it('knows architecture only once it is added, and only from 2025-10-31', () => {
    expect(isKnownField(fieldCatalogue([]), 'architecture')).toBe(false);
    const catalogue = fieldCatalogue([architectureAdded]);
    expect(isKnownField(catalogue, 'architecture')).toBe(true);
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'architecture'), '2017-10-31')).toThrow(expect.objectContaining({ code: 'CreativeFieldNotYetOpen' }));
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'architecture'), '2025-10-31')).not.toThrow();
  });

  it('keeps the first opening date when an addition is replayed', () => {
    const replayed: CreativeFieldAdded = { ...architectureAdded, data: { ...architectureAdded.data, effectiveOn: '2025-11-05' } };
    const catalogue = fieldCatalogue([architectureAdded, replayed]);
    expect(catalogue.fields.filter((f) => f.field === 'architecture')).toEqual([
      { field: 'architecture', label: 'Architecture', openedOn: '2025-10-31', founding: false },
    ]);
  });

  it('tells an unknown field (bad request) from a field used before it opened (rule)', () => {
    const catalogue = fieldCatalogue([architectureAdded]);
    expect(() => requireKnownField(catalogue, 'poetry')).toThrow(expect.objectContaining({ code: 'UnknownCreativeField', kind: 'invalid', field: 'field' }));
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'architecture'), '2017-10-31')).toThrow(
      expect.objectContaining({ code: 'CreativeFieldNotYetOpen', kind: 'rule' }),
    );
    expect(() => requireFieldOpenOn(requireKnownField(catalogue, 'architecture'), '2025-10-31')).not.toThrow();
  });
});

describe('adding a creative field', () => {
  it('opens architecture on 2025-10-31', () => {
    given([]).when(addArchitecture).then([architectureAdded]);
  });

  it('refuses to add architecture twice', () => {
    const error = given([architectureAdded]).when(addArchitecture).thenThrows('CreativeFieldAlreadyExists', 'conflict');
    expect(error.message).toContain('2025-10-31');
  });

  it('refuses to add a founding field again', () => {
    const error = given([])
      .when({ ...addArchitecture, field: 'music', label: 'Music' })
      .thenThrows('CreativeFieldAlreadyExists', 'conflict');
    expect(error.message).toContain('founded with');
  });

  it('refuses a field dated in the future', () => {
    given([]).when({ ...addArchitecture, today: '2025-10-30' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses a field opened before the network was founded', () => {
    given([]).when({ ...addArchitecture, effectiveOn: '2003-06-01' }).thenThrows('FieldBeforeNetworkFounded', 'rule');
  });

  it('refuses a field that is not a slug, and a missing label', () => {
    given([]).when({ ...addArchitecture, field: 'Architecture' }).thenThrows('InvalidSlug', 'invalid');
    given([]).when({ ...addArchitecture, label: ' ' }).thenThrows('MissingText', 'invalid');
    given([]).when({ ...addArchitecture, effectiveOn: '2025-02-30' }).thenThrows('InvalidCalendarDate', 'invalid');
  });
});
