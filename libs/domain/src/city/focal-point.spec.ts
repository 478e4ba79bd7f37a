import { specFor } from '../shared/decider-spec.js';
import { FOCAL_POINT_ROLE } from '../shared/personal-data.js';
import { recordedContact } from '../../../../test/support/personal-data.js';
import type { AssignFocalPoint } from './city.commands.js';
import { cityDecider } from './city.decide.js';
import type { CityDesignated, FocalPointAssigned, MembershipWithdrawn } from './city.events.js';

/* Invented people: a focal point is personal data, and tests never use the seeds' people. */
const given = specFor(cityDecider);
const today = '2025-12-01';
const ostersundDesignated: CityDesignated = {
  type: 'CityDesignated',
  data: { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-01' },
};
const ostersundWithdrew: MembershipWithdrawn = {
  type: 'MembershipWithdrawn',
  data: { cityId: 'ostersund', effectiveOn: '2024-01-01', reason: 'voluntary' },
};
const ada = recordedContact('ada.testperson', FOCAL_POINT_ROLE);
const bo = recordedContact('bo.inventedname', FOCAL_POINT_ROLE);
const assign = (focalPoint = ada): AssignFocalPoint => ({ type: 'AssignFocalPoint', cityId: 'ostersund', focalPoint, today });
const assigned = (focalPoint = ada): FocalPointAssigned => ({ type: 'FocalPointAssigned', data: { cityId: 'ostersund', focalPoint } });

describe("a city's focal point", () => {
  it('is assigned to a member city, sealed as it came', () => {
    given([ostersundDesignated]).when(assign()).then([assigned()]);
  });

  it('replaces the older one when another person is named', () => {
    const { state } = given([ostersundDesignated, assigned(ada), assigned(bo)]);
    expect(state.status !== 'unknown' && state.focalPoint).toEqual({ subjectId: bo.subjectId, keyId: bo.sealed.keyId });
    given([ostersundDesignated, assigned(ada)]).when(assign(bo)).then([assigned(bo)]);
  });

  it('refuses to name the same person again: nothing would change', () => {
    given([ostersundDesignated, assigned(ada)]).when(assign(ada)).thenThrows('FocalPointUnchanged', 'conflict');
  });

  it('takes the same person again once they were erased: under their new key it is a new record', () => {
    const adaAgain = recordedContact('ada.testperson', FOCAL_POINT_ROLE, 'a-new-key');
    given([ostersundDesignated, assigned(ada)]).when(assign(adaAgain)).then([assigned(adaAgain)]);
  });

  it('is refused for a city never designated', () => {
    given([]).when(assign()).thenThrows('CityNotFound', 'not-found');
  });

  it('is refused for a city that left the network', () => {
    given([ostersundDesignated, ostersundWithdrew]).when(assign()).thenThrows('CityHasLeftNetwork', 'conflict');
  });

  it('refuses a contact in another role, or one that is not sealed, without echoing it', () => {
    const partner = recordedContact('ada.testperson', 'communication manager');
    expect(given([ostersundDesignated]).when(assign(partner)).thenThrows('InvalidContact', 'invalid').field).toBe('focalPoint.role');
    const plain = { subjectId: ada.subjectId, role: FOCAL_POINT_ROLE, sealed: { name: 'Ada Testperson', email: 'ada@example.org' } };
    const error = given([ostersundDesignated]).when(assign(plain as never)).thenThrows('InvalidContact', 'invalid');
    expect(error.message).not.toMatch(/Ada|example\.org/);
  });

  it('refuses a subject id that is not an opaque id (an e-mail address, say)', () => {
    const error = given([ostersundDesignated]).when(assign({ ...ada, subjectId: 'ada@example.org' })).thenThrows('InvalidSubjectId', 'invalid');
    expect(error.message).not.toContain('ada@example.org');
  });
});
