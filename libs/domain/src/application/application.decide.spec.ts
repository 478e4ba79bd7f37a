import { specFor } from '../shared/decider-spec.js';
import { fold } from '../shared/decider.js';
import { upcastStored } from '../upcasters.js';
import type { CityEvent } from '../city/city.events.js';
import { evolveCity, initialCityState } from '../city/city.state.js';
import { cityDecider } from '../city/city.decide.js';
import { fieldCatalogue } from '../network/network.state.js';
import type { DecideApplication, EndorseApplication, SubmitApplication } from './application.commands.js';
import { applicationDecider, designationFromDecision } from './application.decide.js';
import type { ApplicationDecided, ApplicationEndorsed, ApplicationSubmitted } from './application.events.js';

/*
 * Norrköping's way in (seed 003): the city applies in the 2017 call (deadline 16 June 2017), the
 * Swedish national commission for UNESCO judges it a suitable candidate, UNESCO designates it on
 * 31 October 2017. Days before the designation are illustrative.
 */
const given = specFor(applicationDecider);
const catalogue = fieldCatalogue([
  { type: 'CreativeFieldAdded', data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' } },
]);
const today = '2025-12-01';

const submitted: ApplicationSubmitted = {
  type: 'ApplicationSubmitted',
  data: {
    applicationId: 'norrkoping-2017',
    cityId: 'norrkoping',
    cityName: 'Norrköping',
    country: 'SE',
    field: 'music',
    callYear: 2017,
    submittedOn: '2017-05-15',
  },
};
const submit: SubmitApplication = { type: 'SubmitApplication', ...submitted.data, catalogue, cities: {}, today };
const endorse: EndorseApplication = {
  type: 'EndorseApplication',
  applicationId: 'norrkoping-2017',
  endorsedOn: '2017-06-01',
  by: 'Svenska Unescorådet',
  today,
};
const endorsed: ApplicationEndorsed = {
  type: 'ApplicationEndorsed',
  data: { applicationId: 'norrkoping-2017', endorsedOn: '2017-06-01', by: 'Svenska Unescorådet', outcome: 'endorsed' },
};
const decideDesignated: DecideApplication = {
  type: 'DecideApplication',
  applicationId: 'norrkoping-2017',
  decision: 'designated',
  decidedOn: '2017-10-31',
  cities: {},
  today,
};
const decidedDesignated: ApplicationDecided = {
  type: 'ApplicationDecided',
  data: {
    applicationId: 'norrkoping-2017',
    decision: 'designated',
    decidedOn: '2017-10-31',
    cityId: 'norrkoping',
    cityName: 'Norrköping',
    country: 'SE',
    field: 'music',
  },
};

describe('submitting an application', () => {
  it("records Norrköping's application in music to the 2017 call", () => {
    given([]).when(submit).then([submitted]);
  });

  it('refuses to submit the same application twice', () => {
    given([submitted]).when(submit).thenThrows('ApplicationAlreadySubmitted', 'conflict');
  });

  it('refuses an unknown field as a bad request, and architecture before the field opened as a broken rule', () => {
    expect(given([]).when({ ...submit, field: 'poetry' }).thenThrows('UnknownCreativeField', 'invalid').field).toBe('field');
    given([]).when({ ...submit, field: 'architecture' }).thenThrows('CreativeFieldNotYetOpen', 'rule');
  });

  it('refuses a call year before the network, or one that is not a year', () => {
    given([]).when({ ...submit, callYear: 2003 }).thenThrows('CallBeforeNetworkFounded', 'rule');
    expect(given([]).when({ ...submit, callYear: 2017.5 }).thenThrows('InvalidNumber', 'invalid').field).toBe('callYear');
  });

  it('refuses an application dated after today, or from a country code ISO does not assign', () => {
    given([]).when({ ...submit, today: '2017-05-14' }).thenThrows('DateInTheFuture', 'rule');
    given([]).when({ ...submit, country: 'SW' }).thenThrows('InvalidCountryCode', 'invalid');
  });
});

describe('endorsing an application', () => {
  it('records the national commission finding Norrköping a suitable candidate', () => {
    given([submitted]).when(endorse).then([endorsed]);
  });

  it('refuses a second endorsement, and an endorsement after the decision', () => {
    given([submitted, endorsed]).when(endorse).thenThrows('ApplicationAlreadyEndorsed', 'conflict');
    const notDesignated: ApplicationDecided = { type: 'ApplicationDecided', data: { ...decidedDesignated.data, decision: 'not-designated' } };
    given([submitted, notDesignated]).when(endorse).thenThrows('ApplicationAlreadyDecided', 'conflict');
  });

  it('refuses to endorse an application never submitted', () => {
    given([]).when(endorse).thenThrows('ApplicationNotFound', 'not-found');
  });

  it('refuses an endorsement dated before the submission or after today, or by nobody', () => {
    given([submitted]).when({ ...endorse, endorsedOn: '2017-05-14' }).thenThrows('ApplicationDateOutOfOrder', 'rule');
    given([submitted]).when({ ...endorse, today: '2017-05-31' }).thenThrows('DateInTheFuture', 'rule');
    expect(given([submitted]).when({ ...endorse, by: ' ' }).thenThrows('MissingText', 'invalid').field).toBe('by');
  });
});

describe('deciding an application', () => {
  it('designates Norrköping on 31 October 2017, the decision carrying what the designation needs', () => {
    given([submitted, endorsed]).when(decideDesignated).then([decidedDesignated]);
  });

  it('refuses a designation the national commission has not endorsed', () => {
    const error = given([submitted]).when(decideDesignated).thenThrows('EndorsementRequired', 'rule');
    expect(error.message).toContain('national commission');
  });

  it('records a decision not to designate, endorsed or not', () => {
    const notDesignated = { ...decideDesignated, decision: 'not-designated' as const };
    const expected: ApplicationDecided = { type: 'ApplicationDecided', data: { ...decidedDesignated.data, decision: 'not-designated' } };
    given([submitted]).when(notDesignated).then([expected]);
    given([submitted, endorsed]).when(notDesignated).then([expected]);
  });

  it('refuses to decide twice', () => {
    given([submitted, endorsed, decidedDesignated]).when(decideDesignated).thenThrows('ApplicationAlreadyDecided', 'conflict');
  });

  it('refuses a decision dated before the submission or the endorsement, or after today', () => {
    given([submitted]).when({ ...decideDesignated, decision: 'not-designated', decidedOn: '2017-05-01' }).thenThrows('ApplicationDateOutOfOrder', 'rule');
    given([submitted, endorsed]).when({ ...decideDesignated, decidedOn: '2017-05-20' }).thenThrows('ApplicationDateOutOfOrder', 'rule');
    given([submitted, endorsed]).when({ ...decideDesignated, today: '2017-10-30' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses a decision on an unknown application, or an unknown decision', () => {
    given([]).when(decideDesignated).thenThrows('ApplicationNotFound', 'not-found');
    given([submitted, endorsed]).when({ ...decideDesignated, decision: 'maybe' as never }).thenThrows('InvalidChoice', 'invalid');
  });
});

describe('the designation a decision calls for', () => {
  const designation = designationFromDecision(decidedDesignated);

  it('is the city designated on the day of the decision, naming the application', () => {
    expect(designation).toEqual({
      type: 'DesignateCity',
      cityId: 'norrkoping',
      name: 'Norrköping',
      country: 'SE',
      field: 'music',
      designatedOn: '2017-10-31',
      applicationId: 'norrkoping-2017',
    });
  });

  it('is none when UNESCO did not designate the city', () => {
    expect(designationFromDecision({ ...decidedDesignated, data: { ...decidedDesignated.data, decision: 'not-designated' } })).toBeNull();
  });

  it('designates the city once, and a retry after a crash appends nothing', () => {
    if (!designation) throw new Error('expected a designation');
    const command = { ...designation, catalogue, today };
    const first = cityDecider.decide(command, cityDecider.initialState);
    expect(first).toEqual([{ type: 'CityDesignated', data: { cityId: 'norrkoping', name: 'Norrköping', country: 'SE', field: 'music', designatedOn: '2017-10-31', applicationId: 'norrkoping-2017' } }]);
    const afterFirst = first.reduce(cityDecider.evolve, cityDecider.initialState);
    expect(cityDecider.decide(command, afterFirst)).toEqual([]);
  });
});

describe('an application for a city already on record (DESIGN §2.6)', () => {
  // Norrköping was designated in music in 2017; a second application for it cannot designate it again
  const norrkoping = fold(evolveCity, initialCityState, [
    { type: 'CityDesignated', data: { cityId: 'norrkoping', name: 'Norrköping', country: 'SE', field: 'music', designatedOn: '2017-10-31' } },
  ] as CityEvent[]);
  const again = { ...submit, applicationId: 'norrkoping-2019', callYear: 2019, submittedOn: '2019-03-01', field: 'film' };

  it('is refused at submission', () => {
    given([]).when({ ...again, cities: { norrkoping } }).thenThrows('CityAlreadyOnRecord', 'conflict');
  });

  it('is refused at a decision to designate, when the city came on record after the submission', () => {
    given([submitted, endorsed]).when({ ...decideDesignated, cities: { norrkoping } }).thenThrows('CityAlreadyOnRecord', 'conflict');
  });

  it('may still be decided not-designated', () => {
    given([submitted, endorsed])
      .when({ ...decideDesignated, decision: 'not-designated', cities: { norrkoping } })
      .then([{ type: 'ApplicationDecided', data: { applicationId: 'norrkoping-2017', decision: 'not-designated', decidedOn: '2017-10-31', cityId: 'norrkoping', cityName: 'Norrköping', country: 'SE', field: 'music' } }]);
  });
});

describe("the call an application answers", () => {
  it('is the year of the submission or the next', () => {
    given([]).when({ ...submit, callYear: 2018 }).then([{ ...submitted, data: { ...submitted.data, callYear: 2018 } }]);
    given([]).when({ ...submit, callYear: 2031 }).thenThrows('CallYearOutOfRange', 'rule');
    given([]).when({ ...submit, callYear: 2016 }).thenThrows('CallYearOutOfRange', 'rule');
  });
});

describe('a candidate the national commission finds unsuitable (seed 003)', () => {
  const notEndorsed: ApplicationEndorsed = {
    type: 'ApplicationEndorsed',
    data: { applicationId: 'norrkoping-2017', endorsedOn: '2017-06-01', by: 'Svenska Unescorådet', outcome: 'not-endorsed' },
  };

  it('is recorded as not endorsed', () => {
    given([submitted]).when({ ...endorse, outcome: 'not-endorsed' }).then([notEndorsed]);
  });

  it('ends the application: it cannot be designated, nor decided at all', () => {
    given([submitted, notEndorsed]).when(decideDesignated).thenThrows('ApplicationEnded', 'conflict');
    given([submitted, notEndorsed]).when({ ...decideDesignated, decision: 'not-designated' }).thenThrows('ApplicationEnded', 'conflict');
    given([submitted, notEndorsed]).when(endorse).thenThrows('ApplicationAlreadyEndorsed', 'conflict');
  });

  it('reads an endorsement stored before outcomes existed as endorsed', () => {
    const stored = { type: 'ApplicationEndorsed', data: { applicationId: 'norrkoping-2017', endorsedOn: '2017-06-01', by: 'Svenska Unescorådet' }, metadata: { schemaVersion: 1 } };
    expect(upcastStored(stored)).toEqual({ type: 'ApplicationEndorsed', data: { ...stored.data, outcome: 'endorsed' } });
  });
});
