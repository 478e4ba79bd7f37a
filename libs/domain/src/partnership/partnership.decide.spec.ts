import { specFor } from '../shared/decider-spec.js';
import { fold } from '../shared/decider.js';
import type { CityEvent } from '../city/city.events.js';
import { evolveCity, initialCityState } from '../city/city.state.js';
import { recordedContact } from '../../../../test/support/personal-data.js';
import type { AddPartner, AddPartnershipContact, ConcludePartnership, LaunchPartnership } from './partnership.commands.js';
import { partnershipDecider } from './partnership.decide.js';
import type { PartnerJoined, PartnershipConcluded, PartnershipContactAdded, PartnershipLaunched } from './partnership.events.js';

/*
 * Seed 004: the EU "Creative Cities" project of the Central Europe Programme, lead partner the City
 * of Leipzig, cooperation between Leipzig, Genoa, Gdańsk, Ljubljana and Pécs, running until
 * December 2012. The seed gives no start date; 2010-03-01 is illustrative, and so is the
 * German Association joining later (the seed lists it with the others).
 */
const given = specFor(partnershipDecider);
const today = '2025-12-01';

const leadPartner = { name: 'City of Leipzig', country: 'DE' };
const partners = [
  { name: 'Aufbauwerk Region Leipzig GmbH', country: 'DE' },
  { name: 'Gdansk Entrepreneurship Foundation', country: 'PL' },
  { name: 'City Hall of Gdansk', country: 'PL' },
  { name: 'Institute for Economic Research', country: 'SI' },
  { name: 'Regional Development Agency of the Ljubljana Urban Region', country: 'SI' },
  { name: 'Municipality of Genoa – Culture and Innovation Department', country: 'IT' },
  { name: 'Job Centre s.r.l.', country: 'IT' },
  { name: 'City of Pécs', country: 'HU' },
  { name: 'South Transdanubian Cultural Industrial Cluster', country: 'HU' },
];
const creativeIndustries = [
  'advertising',
  'architecture',
  'arts and craft',
  'design',
  'film, photography, music',
  'media',
  'software and computer games',
  'publishing',
  'visual and performing arts',
];

const launched: PartnershipLaunched = {
  type: 'PartnershipLaunched',
  data: {
    partnershipId: 'creative-cities-central-europe',
    name: 'Creative Cities',
    programme: 'Central Europe Programme',
    leadPartner,
    partners,
    creativeIndustries,
    startsOn: '2010-03-01',
    endsOn: '2012-12-31',
  },
};
const launch: LaunchPartnership = { type: 'LaunchPartnership', ...launched.data, cities: {}, today };
const addGermanAssociation: AddPartner = {
  type: 'AddPartner',
  partnershipId: 'creative-cities-central-europe',
  name: 'German Association for Housing, Urban and Spatial Development',
  country: 'DE',
  joinedOn: '2011-01-10',
  cities: {},
  today,
};
const germanAssociationJoined: PartnerJoined = {
  type: 'PartnerJoined',
  data: {
    partnershipId: 'creative-cities-central-europe',
    partner: { name: 'German Association for Housing, Urban and Spatial Development', country: 'DE' },
    joinedOn: '2011-01-10',
  },
};
const conclude: ConcludePartnership = {
  type: 'ConcludePartnership',
  partnershipId: 'creative-cities-central-europe',
  concludedOn: '2012-12-31',
  outcome: 'a transnational network of creative industry clusters in five Central European cities',
  today,
};
const concluded: PartnershipConcluded = {
  type: 'PartnershipConcluded',
  data: {
    partnershipId: 'creative-cities-central-europe',
    concludedOn: '2012-12-31',
    outcome: 'a transnational network of creative industry clusters in five Central European cities',
  },
};

describe('launching a partnership', () => {
  it('launches the Creative Cities project led by the City of Leipzig, planned to end in December 2012', () => {
    given([]).when(launch).then([launched]);
  });

  it('launches a partnership with no planned end and no list of industries', () => {
    given([])
      .when({ ...launch, endsOn: undefined, creativeIndustries: undefined, programme: undefined })
      .then([{ type: 'PartnershipLaunched', data: { partnershipId: 'creative-cities-central-europe', name: 'Creative Cities', leadPartner, partners, creativeIndustries: [], startsOn: '2010-03-01' } }]);
  });

  it('keeps a planned end that is still ahead', () => {
    given([]).when({ ...launch, today: '2011-06-01' }).then([launched]);
  });

  it('refuses to launch the same partnership twice', () => {
    given([launched]).when(launch).thenThrows('PartnershipAlreadyLaunched', 'conflict');
  });

  it('refuses a planned end before the start, as a bad request on endsOn', () => {
    expect(given([]).when({ ...launch, endsOn: '2009-12-31' }).thenThrows('PeriodEndsBeforeItStarts', 'invalid').field).toBe('endsOn');
  });

  it('refuses a launch dated after today', () => {
    given([]).when({ ...launch, today: '2010-02-28' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses a partner named twice, even with other capitals', () => {
    given([])
      .when({ ...launch, partners: [...partners, { name: 'city hall of  Gdansk', country: 'PL' }] })
      .thenThrows('DuplicateValue', 'invalid');
  });

  it('refuses a partner without a real country code, naming where it is', () => {
    const error = given([]).when({ ...launch, leadPartner: { name: 'City of Leipzig', country: 'Germany' } }).thenThrows('InvalidCountryCode', 'invalid');
    expect(error.field).toBe('leadPartner.country');
  });
});

/* Invented people: contacts are personal data, and tests never use the seeds' people. */
describe("a partnership's contacts", () => {
  const projectLead = recordedContact('ada.testperson', 'lead partner contact');
  const communications = recordedContact('bo.inventedname', 'communication manager');
  const addContact = (contact = communications): AddPartnershipContact => ({
    type: 'AddPartnershipContact',
    partnershipId: 'creative-cities-central-europe',
    contact,
    today,
  });
  const contactAdded = (contact = communications): PartnershipContactAdded => ({
    type: 'PartnershipContactAdded',
    data: { partnershipId: 'creative-cities-central-europe', contact },
  });

  it('are recorded at the launch, sealed as they came', () => {
    given([]).when({ ...launch, contacts: [projectLead] }).then([{ ...launched, data: { ...launched.data, contacts: [projectLead] } }]);
  });

  it('refuse the same person twice in one role at the launch', () => {
    given([]).when({ ...launch, contacts: [projectLead, { ...projectLead, role: 'Lead partner contact ' }] }).thenThrows('DuplicateValue', 'invalid');
  });

  it('are added later, also to a concluded partnership (the record of a finished project names its people)', () => {
    given([launched]).when(addContact()).then([contactAdded()]);
    given([launched, concluded]).when(addContact()).then([contactAdded()]);
  });

  it('take the same person in another role, but not twice in the same one', () => {
    given([launched, contactAdded()]).when(addContact({ ...communications, role: 'lead partner contact' })).then([
      contactAdded({ ...communications, role: 'lead partner contact' }),
    ]);
    given([{ ...launched, data: { ...launched.data, contacts: [projectLead] } }]).when(addContact(projectLead)).thenThrows('ContactAlreadyRecorded', 'conflict');
  });

  it('take a person erased since in the same role again, under their new key', () => {
    const again = recordedContact('bo.inventedname', 'communication manager', 'a-new-key');
    given([launched, contactAdded()]).when(addContact(again)).then([contactAdded(again)]);
  });

  it('need a partnership on record', () => {
    given([]).when(addContact()).thenThrows('PartnershipNotFound', 'not-found');
  });

  it('refuse a contact that is not sealed', () => {
    const plain = { subjectId: communications.subjectId, role: 'communication manager', name: 'Bo Inventedname', email: 'bo@example.org' };
    const error = given([launched]).when(addContact(plain as never)).thenThrows('InvalidContact', 'invalid');
    expect(error.message).not.toMatch(/Bo Inventedname|example\.org/);
  });
});

describe('adding a partner', () => {
  it('adds the German Association while the project runs', () => {
    given([launched]).when(addGermanAssociation).then([germanAssociationJoined]);
  });

  it('keeps the city a partner stands for (a member city on the day it joins: Bologna, City of Music since 2006)', () => {
    const bologna = fold(evolveCity, initialCityState, [
      { type: 'CityDesignated', data: { cityId: 'bologna', name: 'Bologna', country: 'IT', field: 'music', designatedOn: '2006-05-01' } },
    ] as CityEvent[]);
    given([launched])
      .when({ ...addGermanAssociation, name: 'City of Bologna', country: 'IT', cityId: 'bologna', cities: { bologna } })
      .then([{ type: 'PartnerJoined', data: { ...germanAssociationJoined.data, partner: { name: 'City of Bologna', country: 'IT', cityId: 'bologna' } } }]);
  });

  it('refuses a partner already in it, the lead partner included', () => {
    given([launched, germanAssociationJoined]).when(addGermanAssociation).thenThrows('PartnerAlreadyInPartnership', 'conflict');
    given([launched]).when({ ...addGermanAssociation, name: 'City of Leipzig' }).thenThrows('PartnerAlreadyInPartnership', 'conflict');
  });

  it('accepts the same name from another country as another partner', () => {
    given([launched]).when({ ...addGermanAssociation, name: 'Institute for Economic Research', country: 'HU' }).then([
      { type: 'PartnerJoined', data: { ...germanAssociationJoined.data, partner: { name: 'Institute for Economic Research', country: 'HU' } } },
    ]);
  });

  it('refuses a partner for a partnership never launched or already concluded', () => {
    given([]).when(addGermanAssociation).thenThrows('PartnershipNotFound', 'not-found');
    given([launched, concluded]).when(addGermanAssociation).thenThrows('PartnershipAlreadyConcluded', 'conflict');
  });

  it('refuses a partner joining before the start or after the planned end', () => {
    given([launched]).when({ ...addGermanAssociation, joinedOn: '2010-02-28' }).thenThrows('JoinedOutsidePartnershipDates', 'rule');
    given([launched]).when({ ...addGermanAssociation, joinedOn: '2013-01-01' }).thenThrows('JoinedOutsidePartnershipDates', 'rule');
  });

  it('refuses a joining date after today', () => {
    given([launched]).when({ ...addGermanAssociation, today: '2011-01-09' }).thenThrows('DateInTheFuture', 'rule');
  });
});

describe('concluding a partnership', () => {
  it('concludes the project at the end of December 2012', () => {
    given([launched, germanAssociationJoined]).when(conclude).then([concluded]);
  });

  it('refuses to conclude twice, or a partnership never launched', () => {
    given([launched, concluded]).when(conclude).thenThrows('PartnershipAlreadyConcluded', 'conflict');
    given([]).when(conclude).thenThrows('PartnershipNotFound', 'not-found');
  });

  it('refuses a conclusion before the launch or before the last partner joined', () => {
    given([launched]).when({ ...conclude, concludedOn: '2010-02-01' }).thenThrows('PartnershipDateOutOfOrder', 'rule');
    given([launched, germanAssociationJoined]).when({ ...conclude, concludedOn: '2011-01-09' }).thenThrows('PartnershipDateOutOfOrder', 'rule');
  });

  it('refuses a conclusion dated after today', () => {
    given([launched]).when({ ...conclude, today: '2012-12-30' }).thenThrows('DateInTheFuture', 'rule');
  });
});

describe('a partner that names a member city', () => {
  // Kraków, City of Literature since 2013 (seed 000), joins a partnership of 2014
  const krakow = fold(evolveCity, initialCityState, [
    { type: 'CityDesignated', data: { cityId: 'krakow', name: 'Kraków', country: 'PL', field: 'literature', designatedOn: '2013-10-21' } },
  ] as CityEvent[]);
  const joinKrakow = (joinedOn: string): AddPartner => ({ ...addGermanAssociation, name: 'City of Kraków', country: 'PL', cityId: 'krakow', joinedOn, cities: { krakow } });
  const openLaunch = { ...launch, endsOn: '2016-12-31' };
  const openLaunched = { ...launched, data: { ...launched.data, endsOn: '2016-12-31' } };

  it('joins when the city is a member on the day it joins', () => {
    given([openLaunched])
      .when(joinKrakow('2014-02-01'))
      .then([{ type: 'PartnerJoined', data: { partnershipId: 'creative-cities-central-europe', partner: { name: 'City of Kraków', country: 'PL', cityId: 'krakow' }, joinedOn: '2014-02-01' } }]);
  });

  it('is refused when the city was not yet a member (422), or is not on record at all (404: atlantis)', () => {
    given([openLaunched]).when(joinKrakow('2012-05-01')).thenThrows('CityNotMemberOnDate', 'rule');
    given([openLaunched]).when({ ...joinKrakow('2014-02-01'), cityId: 'atlantis', cities: {} }).thenThrows('CityNotFound', 'not-found');
  });

  it('holds for the partners named at the launch too', () => {
    given([]).when({ ...openLaunch, partners: [...partners, { name: 'Atlantis', country: 'GR', cityId: 'atlantis' }] }).thenThrows('CityNotFound', 'not-found');
  });
});
