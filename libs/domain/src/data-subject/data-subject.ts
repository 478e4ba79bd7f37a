import { decideBy, assertNever, type CommandOf, type Decider, type DomainEvent } from '../shared/decider.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { requireSubjectId } from '../shared/personal-data.js';
import { requireText, requireToday } from '../shared/validation.js';

/*
 * A data subject's own stream (DESIGN §7): the record that their personal data was erased. The
 * erasure itself is the destruction of their key, which lives outside the log; the event is
 * what the log keeps of it, so that auditors see when, by whom and why — never who.
 */

/** `keyId` names the key destroyed: a key made later (the person on record again) is another one. */
export type DataSubjectErased = DomainEvent<
  'DataSubjectErased',
  { readonly subjectId: string; readonly reason: string; readonly keyId: string }
>;

export type DataSubjectEvent = DataSubjectErased;

/**
 * `keyId` is a fact the application reads from the key store: the subject's key as it stands, or
 * `null` when they have none (never on record, or erased already).
 */
export type EraseDataSubject = CommandOf<
  'EraseDataSubject',
  Omit<DataSubjectErased['data'], 'keyId'>,
  { readonly keyId: string | null }
>;

export type DataSubjectCommand = EraseDataSubject;

export interface DataSubjectState {
  /** the keys whose destruction is on record, oldest first */
  readonly erasedKeyIds: readonly string[];
}

export const initialDataSubjectState: DataSubjectState = { erasedKeyIds: [] };

export function evolveDataSubject(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  switch (event.type) {
    case 'DataSubjectErased':
      return { erasedKeyIds: [...state.erasedKeyIds, event.data.keyId] };
    default:
      return assertNever(event.type);
  }
}

export const dataSubjectNotFound = () =>
  // the address is not echoed: a refusal must not write personal data into a log or a body
  notFound('DataSubjectNotFound', 'no one with this e-mail address is on record');

export const dataSubjectAlreadyErased = () =>
  conflict('DataSubjectAlreadyErased', "this person's data was erased already; nothing of theirs is on record since");

function eraseDataSubject(command: EraseDataSubject, state: DataSubjectState): DataSubjectErased[] {
  requireToday(command.today);
  const subjectId = requireSubjectId(command.subjectId, 'subjectId');
  const reason = requireText(command.reason, 'reason');

  if (command.keyId === null) throw state.erasedKeyIds.length === 0 ? dataSubjectNotFound() : dataSubjectAlreadyErased();
  // on record, but the key outlived it (a crash between the append and the destruction): nothing
  // new to record, and the application destroys the key the record names
  if (state.erasedKeyIds.includes(command.keyId)) return [];

  return [{ type: 'DataSubjectErased', data: { subjectId, reason, keyId: command.keyId } }];
}

/** Whether the subject's current key is one whose destruction is on record (and so must go). */
export const isErasedKey = (state: DataSubjectState, keyId: string): boolean => state.erasedKeyIds.includes(keyId);

export const dataSubjectDecider: Decider<DataSubjectCommand, DataSubjectEvent, DataSubjectState> = {
  decide: decideBy({ EraseDataSubject: eraseDataSubject }),
  evolve: evolveDataSubject,
  initialState: initialDataSubjectState,
};

export const DATA_SUBJECT_STREAM_PREFIX = 'data-subject-';
export const dataSubjectStreamId = (subjectId: string) => `${DATA_SUBJECT_STREAM_PREFIX}${subjectId}`;
