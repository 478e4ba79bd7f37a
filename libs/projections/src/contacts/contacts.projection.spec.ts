import { FOCAL_POINT_ROLE } from '@uccn/domain';
import { recordedContact } from '../../../../test/support/personal-data.js';
import { documentsOf, findDocuments, logOf, lyonDesignated, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { CITIES, cityDirectoryProjection } from '../city-directory/city-directory.projection.js';
import { HISTORY, membershipHistoryProjection } from '../membership-history/membership-history.projection.js';
import { PARTNERSHIPS, partnershipsProjection } from '../partnerships/partnerships.projection.js';
import { CONTACTS, contactsProjection, contactsQuery, ERASURES } from './contacts.projection.js';

/* Invented people only (DESIGN §7): tests never name the seeds' people. */
const ada = recordedContact('ada.testperson', FOCAL_POINT_ROLE);
const bo = recordedContact('bo.inventedname', FOCAL_POINT_ROLE);
const cy = recordedContact('cy.madeup', 'communication manager');
const launched = recorded(
  'PartnershipLaunched',
  {
    partnershipId: 'creative-cities',
    name: 'Creative Cities',
    leadPartner: { name: 'City of Leipzig', country: 'DE' },
    partners: [],
    creativeIndustries: [],
    startsOn: '2010-01-01',
    contacts: [cy],
  },
  { recordedAt: '2010-01-05T09:00:00.000Z' },
);
const focalPoint = (contact: typeof ada, recordedAt: string) => recorded('FocalPointAssigned', { cityId: 'lyon', focalPoint: contact }, { recordedAt });

describe('contacts projection', () => {
  it("keeps each person sealed, with the role and what they are a contact of; a city's newer focal point takes the older one's place", async () => {
    const projected = await projectEvents(
      contactsProjection,
      logOf(lyonDesignated, launched, focalPoint(ada, '2020-01-01T00:00:00.000Z'), focalPoint(bo, '2024-03-01T00:00:00.000Z'),
        recorded('PartnershipContactAdded', { partnershipId: 'creative-cities', contact: ada }, { recordedAt: '2011-02-01T00:00:00.000Z' })),
    );

    expect(await findDocuments(projected, CONTACTS, contactsQuery({ cityId: 'lyon' }))).toEqual([
      expect.objectContaining({ subjectId: bo.subjectId, role: FOCAL_POINT_ROLE, cityId: 'lyon', partnershipId: null, sealed: bo.sealed, recordedAt: '2024-03-01T00:00:00.000Z' }),
    ]);
    expect((await findDocuments(projected, CONTACTS, contactsQuery({ partnershipId: 'creative-cities' }))).map((doc) => [doc['subjectId'], doc['role']])).toEqual([
      [cy.subjectId, 'communication manager'],
      [ada.subjectId, FOCAL_POINT_ROLE],
    ]);
  });

  it("keeps each subject's erased keys, one list a subject, whichever contacts they sealed", async () => {
    const erased = (keyId: string) => recorded('DataSubjectErased', { subjectId: ada.subjectId, reason: 'asked to be forgotten', keyId });
    const projected = await projectEvents(contactsProjection, logOf(lyonDesignated, focalPoint(ada, '2020-01-01T00:00:00.000Z'), erased('key-1'), erased('key-2')));
    expect(documentsOf(projected, ERASURES)).toEqual([expect.objectContaining({ id: ada.subjectId, keyIds: ['key-1', 'key-2'] })]);
    // the envelope stays as it was: it is the key's destruction that makes it unreadable
    expect(documentsOf(projected, CONTACTS)).toEqual([expect.objectContaining({ subjectId: ada.subjectId, sealed: ada.sealed })]);
  });

  it('leaves every read model for analysts, and the history, without any sealed envelope', async () => {
    const log = logOf(lyonDesignated, launched, focalPoint(ada, '2020-01-01T00:00:00.000Z'));
    for (const [projection, collection] of [[cityDirectoryProjection, CITIES], [partnershipsProjection, PARTNERSHIPS], [membershipHistoryProjection, HISTORY]] as const) {
      const text = JSON.stringify(documentsOf(await projectEvents(projection, log), collection));
      expect(text).not.toContain(ada.sealed.data);
      expect(text).not.toContain(cy.sealed.tag);
    }
    const history = documentsOf(await projectEvents(membershipHistoryProjection, log), HISTORY);
    expect(history.find((entry) => entry['type'] === 'FocalPointAssigned')).toMatchObject({
      summary: 'focal point assigned',
      data: { cityId: 'lyon', focalPoint: { subjectId: ada.subjectId, role: FOCAL_POINT_ROLE } },
    });
  });

  it('the analysts keep no subject id either: a pseudonym is still personal data', async () => {
    const log = logOf(lyonDesignated, launched, focalPoint(ada, '2020-01-01T00:00:00.000Z'));
    for (const [projection, collection] of [[cityDirectoryProjection, CITIES], [partnershipsProjection, PARTNERSHIPS]] as const) {
      const text = JSON.stringify(documentsOf(await projectEvents(projection, log), collection));
      expect(text).not.toContain(ada.subjectId);
      expect(text).not.toContain(cy.subjectId);
    }
  });
});
