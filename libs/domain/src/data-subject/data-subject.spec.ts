import { specFor } from '../shared/decider-spec.js';
import { recordedContact } from '../../../../test/support/personal-data.js';
import { dataSubjectDecider, isErasedKey, type DataSubjectErased, type EraseDataSubject } from './data-subject.js';

const given = specFor(dataSubjectDecider);
const today = '2025-12-01';
const { subjectId } = recordedContact('ada.testperson', 'focal point');
const erase = (keyId: string | null): EraseDataSubject => ({ type: 'EraseDataSubject', subjectId, reason: 'asked to be forgotten', keyId, today });
const erased = (keyId: string): DataSubjectErased => ({ type: 'DataSubjectErased', data: { subjectId, reason: 'asked to be forgotten', keyId } });

describe('erasing a data subject', () => {
  it('records the erasure of the key the subject holds', () => {
    given([]).when(erase('key-1')).then([erased('key-1')]);
  });

  it('answers that no one is on record when the subject never had a key', () => {
    given([]).when(erase(null)).thenThrows('DataSubjectNotFound', 'not-found');
  });

  it('answers that the erasure was done already when the key is gone and the erasure on record', () => {
    given([erased('key-1')]).when(erase(null)).thenThrows('DataSubjectAlreadyErased', 'conflict');
  });

  it('records nothing new when the key the record names outlived its erasure (a crash between the two)', () => {
    const { state } = given([erased('key-1')]);
    expect(isErasedKey(state, 'key-1')).toBe(true);
    given([erased('key-1')]).when(erase('key-1')).thenNothing();
  });

  it('erases again a person on record again since, under their new key only', () => {
    const { state } = given([erased('key-1')]);
    expect(isErasedKey(state, 'key-2')).toBe(false);
    given([erased('key-1')]).when(erase('key-2')).then([erased('key-2')]);
  });

  it('needs a reason', () => {
    expect(given([]).when({ ...erase('key-1'), reason: ' ' }).thenThrows('MissingText', 'invalid').field).toBe('reason');
  });
});
