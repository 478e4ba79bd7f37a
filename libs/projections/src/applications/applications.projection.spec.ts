import { documentsOf, findDocuments, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { APPLICATIONS, applicationsProjection, applicationsQuery } from './applications.projection.js';

const ostersund = {
  applicationId: 'ostersund-2010', cityId: 'ostersund', cityName: 'Östersund', country: 'SE', field: 'gastronomy', callYear: 2010,
} as const;
const norrkoping = {
  applicationId: 'norrkoping-2017', cityId: 'norrkoping', cityName: 'Norrköping', country: 'SE', field: 'music', callYear: 2017,
} as const;

describe('applications projection', () => {
  it('follows an application from submission through the national endorsement to the designation', async () => {
    const projected = await projectEvents(
      applicationsProjection,
      logOf(
        recorded('ApplicationSubmitted', { ...ostersund, submittedOn: '2010-03-01' }),
        recorded('ApplicationEndorsed', { applicationId: 'ostersund-2010', endorsedOn: '2010-03-20', by: 'Svenska Unescorådet', outcome: 'endorsed' }),
        recorded('ApplicationDecided', { ...ostersund, decision: 'designated', decidedOn: '2010-06-22' }),
      ),
    );

    expect(documentsOf(projected, APPLICATIONS)).toEqual([
      {
        id: 'ostersund-2010', applicationId: 'ostersund-2010', cityId: 'ostersund', cityName: 'Östersund', country: 'SE',
        field: 'gastronomy', callYear: 2010, submittedOn: '2010-03-01', status: 'designated',
        endorsement: { endorsedOn: '2010-03-20', by: 'Svenska Unescorådet', outcome: 'endorsed' },
        decision: { decision: 'designated', decidedOn: '2010-06-22' },
        lastEventId: 'event-3', lastPosition: 3,
      },
    ]);
  });

  it('shows an endorsed application awaiting UNESCO, and one not designated', async () => {
    const projected = await projectEvents(
      applicationsProjection,
      logOf(
        recorded('ApplicationSubmitted', { ...norrkoping, submittedOn: '2017-02-10' }),
        recorded('ApplicationEndorsed', { applicationId: 'norrkoping-2017', endorsedOn: '2017-03-01', by: 'Svenska Unescorådet', outcome: 'endorsed' }),
        recorded('ApplicationSubmitted', { ...ostersund, applicationId: 'ostersund-2017', callYear: 2017, submittedOn: '2017-02-01' }),
        recorded('ApplicationDecided', { ...ostersund, applicationId: 'ostersund-2017', decision: 'not-designated', decidedOn: '2017-10-31' }),
      ),
    );

    expect(projected.get(APPLICATIONS)?.get('norrkoping-2017')).toMatchObject({ status: 'endorsed', decision: null });
    expect(projected.get(APPLICATIONS)?.get('ostersund-2017')).toMatchObject({ status: 'not-designated', endorsement: null });
    expect((await findDocuments(projected, APPLICATIONS, applicationsQuery({ callYear: 2017 }))).map((a) => a.id)).toEqual([
      'ostersund-2017', 'norrkoping-2017',
    ]);
    expect((await findDocuments(projected, APPLICATIONS, applicationsQuery({ callYear: 2017, status: 'endorsed' }))).map((a) => a.id)).toEqual([
      'norrkoping-2017',
    ]);
  });

  it('shows an application the national commission did not endorse as ended there (seed 003)', async () => {
    const projected = await projectEvents(
      applicationsProjection,
      logOf(
        recorded('ApplicationSubmitted', { ...norrkoping, submittedOn: '2017-02-10' }),
        recorded('ApplicationEndorsed', { applicationId: 'norrkoping-2017', endorsedOn: '2017-03-01', by: 'Svenska Unescorådet', outcome: 'not-endorsed' }),
      ),
    );
    expect(documentsOf(projected, APPLICATIONS)[0]).toMatchObject({
      status: 'not-endorsed',
      endorsement: { endorsedOn: '2017-03-01', by: 'Svenska Unescorådet', outcome: 'not-endorsed' },
      decision: null,
    });
  });
});
