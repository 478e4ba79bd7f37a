import { documentsOf, findDocuments, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { PARTNERSHIPS, partnershipsProjection, partnershipsQuery } from './partnerships.projection.js';

// The EU "Creative Cities" project, Central Europe Programme (seeds 000, 004)
const creativeCities = recorded('PartnershipLaunched', {
  partnershipId: 'creative-cities-central-europe',
  name: 'Creative Cities',
  programme: 'Central Europe Programme',
  leadPartner: { name: 'City of Leipzig', country: 'DE' },
  partners: [
    { name: 'City of Genoa', country: 'IT' },
    { name: 'City of Gdańsk', country: 'PL' },
    { name: 'City of Ljubljana', country: 'SI' },
    { name: 'City of Pécs', country: 'HU' },
  ],
  creativeIndustries: ['design', 'music', 'film'],
  startsOn: '2010-01-01',
  endsOn: '2012-12-31',
});

describe('partnerships projection', () => {
  it('lists the lead partner, the partners with the day they joined, and the outcome once concluded', async () => {
    const projected = await projectEvents(
      partnershipsProjection,
      logOf(
        creativeCities,
        recorded('PartnerJoined', {
          partnershipId: 'creative-cities-central-europe', partner: { name: 'City of Kraków', country: 'PL', cityId: 'krakow' }, joinedOn: '2011-04-01',
        }),
        recorded('PartnershipConcluded', { partnershipId: 'creative-cities-central-europe', concludedOn: '2012-12-31', outcome: 'Project completed' }),
      ),
    );

    expect(documentsOf(projected, PARTNERSHIPS)).toEqual([
      {
        id: 'creative-cities-central-europe',
        partnershipId: 'creative-cities-central-europe',
        name: 'Creative Cities',
        programme: 'Central Europe Programme',
        leadPartner: { name: 'City of Leipzig', country: 'DE', cityId: null },
        partners: [
          { name: 'City of Genoa', country: 'IT', cityId: null, joinedOn: '2010-01-01' },
          { name: 'City of Gdańsk', country: 'PL', cityId: null, joinedOn: '2010-01-01' },
          { name: 'City of Ljubljana', country: 'SI', cityId: null, joinedOn: '2010-01-01' },
          { name: 'City of Pécs', country: 'HU', cityId: null, joinedOn: '2010-01-01' },
          { name: 'City of Kraków', country: 'PL', cityId: 'krakow', joinedOn: '2011-04-01' },
        ],
        creativeIndustries: ['design', 'music', 'film'],
        startsOn: '2010-01-01',
        endsOn: '2012-12-31',
        status: 'concluded',
        concludedOn: '2012-12-31',
        outcome: 'Project completed',
        lastEventId: 'event-3',
        lastPosition: 3,
      },
    ]);
  });

  it('keeps a partnership active until it is concluded', async () => {
    const projected = await projectEvents(partnershipsProjection, logOf(creativeCities));

    expect((await findDocuments(projected, PARTNERSHIPS, partnershipsQuery({ status: 'active' }))).map((p) => p.id)).toEqual(['creative-cities-central-europe']);
    expect(await findDocuments(projected, PARTNERSHIPS, partnershipsQuery({ status: 'concluded' }))).toEqual([]);
  });
});
