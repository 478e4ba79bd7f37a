/** Seed records that more than one spec records: defined once, so the specs agree on what the seed says. */

/*
 * Seed 004: the EU "Creative Cities" project of the Central Europe Programme — lead partner the
 * City of Leipzig, partner organisations in Leipzig, Genoa, Gdańsk, Ljubljana and Pécs, the
 * creative industries of its leaflet, running until December 2012. The start date and the day
 * the cluster joined are illustrative; the seed gives neither. Leipzig, Genoa and Ljubljana became
 * member cities only later (2014–2017), so the 2010 project's partners name no member city.
 */
export const creativeCities = {
  partnershipId: 'creative-cities',
  name: 'Creative Cities',
  programme: 'Central Europe Programme',
  leadPartner: { name: 'City of Leipzig', country: 'DE' },
  partners: [
    { name: 'Aufbauwerk Region Leipzig GmbH', country: 'DE' },
    { name: 'Municipality of Genoa – Culture and Innovation Department', country: 'IT' },
    { name: 'Gdansk Entrepreneurship Foundation', country: 'PL' },
    { name: 'Regional Development Agency of the Ljubljana Urban Region', country: 'SI' },
    { name: 'City of Pécs', country: 'HU' },
  ],
  creativeIndustries: [
    'advertising',
    'architecture',
    'arts and craft',
    'design',
    'film',
    'photography',
    'music',
    'media',
    'software and computer games',
    'publishing',
    'visual and performing arts',
  ],
  startsOn: '2010-04-01',
  endsOn: '2012-12-31',
};
export const cluster = { name: 'South Transdanubian Cultural Industrial Cluster', country: 'HU', joinedOn: '2011-03-01' };

/** Seed 001: the 2018 annual conference, hosted together by Kraków and Katowice, 12–15 June. */
export const conference2018 = {
  meetingId: 'annual-conference-2018',
  kind: 'annual-conference',
  title: 'XII UNESCO Creative Cities Network Annual Conference',
  edition: 12,
  hostCityIds: ['krakow', 'katowice'],
  startsOn: '2018-06-12',
  endsOn: '2018-06-15',
  theme: 'Creative Crossroads',
  format: 'in-person',
};

/** A city's designation as `POST /api/admin/cities` takes it. */
export const city = (cityId: string, name: string, country: string, field: string, designatedOn: string) => ({ cityId, name, country, field, designatedOn });
/** Members whose designations more than one spec records (data/uccn-cities.csv; the day within the year is illustrative). */
export const OSTERSUND = city('ostersund', 'Östersund', 'SE', 'gastronomy', '2010-06-22');
export const FABRIANO = city('fabriano', 'Fabriano', 'IT', 'crafts-and-folk-art', '2013-10-21');
export const KRAKOW = city('krakow', 'Kraków', 'PL', 'literature', '2013-10-21');
export const KATOWICE = city('katowice', 'Katowice', 'PL', 'music', '2015-12-11');
