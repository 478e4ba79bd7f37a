// The analysts' dashboard: every figure comes from /api/analytics/** with the key the reader gives
// once. No build step: plain ES modules beside Chart.js's UMD file (window.Chart).
import { $, countryName, el, historyHref, keySession, Refused, registryClient, row, utc } from './registry-client.js';

const FIRST_YEAR = 2004; // the network's founding (seed 002)
const TOP_COUNTRIES = 25;
/** Okabe–Ito: eight colours told apart with every common colour-vision deficiency */
const FIELD_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#F0E442', '#7F7F7F'];
const CONFERENCE_KINDS = [
  { kind: 'in-person', label: 'in person', colour: '#0072B2' },
  { kind: 'hybrid', label: 'hybrid', colour: '#56B4E9' },
  { kind: 'online', label: 'online', colour: '#E69F00' },
  { kind: 'cancelled', label: 'cancelled', colour: '#B3261E' },
  { kind: 'to-come', label: 'scheduled, still to come', colour: '#CC79A7' },
  { kind: 'scheduled', label: 'scheduled, not recorded as held', colour: '#BBBBBB' },
];
/**
 * Where members stand with their four-yearly monitoring report (the compliance answer's
 * `status`): never having reported is not the same as being late with a report on record.
 */
const COMPLIANCE = [
  { status: 'on-time', label: 'on time', colour: '#009E73' },
  { status: 'not-yet-due', label: 'not yet due', colour: '#56B4E9' },
  { status: 'revision-requested', label: 'sent back for revision', colour: '#E69F00' },
  { status: 'overdue', label: 'overdue', colour: '#B3261E' },
  { status: 'no-report-on-record', label: 'no report on record', colour: '#5B6473' },
];
const BEHIND = ['overdue', 'no-report-on-record'];

/** What the page shows, for people reading the code and for the browser test. */
const state = { status: 'idle', error: null, charts: {} };
window.__dashboard = state;

async function load(key) {
  const api = registryClient(key);
  // compliance without asOf: the server's today, which the answer names
  const [summary, fields, conferences, compliance, auditor] = await Promise.all([
    api.answer('/api/analytics/summary'),
    api.all('/api/analytics/fields'),
    api.all('/api/analytics/meetings?kind=annual-conference'),
    api.all('/api/analytics/reports/compliance'),
    mayAudit(api),
  ]);
  // the meetings name their hosts (from the city directory; null for a city it does not hold)
  const hosts = new Map(conferences.items.flatMap((m) => m.hosts.map((h) => [h.cityId, h.name ?? h.cityId])));
  return { summary: summary.body, knownAt: summary.answeredAt, fields: fields.items, conferences: conferences.items, hosts, compliance, auditor };
}

/**
 * Whether the key may read the audit trail, so that the lists link to a city's history: asked of
 * the registry itself (one event of the log), which alone knows the key's role. A 403 is the
 * answer "no", for an analyst's or the secretariat's key.
 */
async function mayAudit(api) {
  try {
    await api.get('/api/audit/events?limit=1');
    return true;
  } catch (error) {
    if (error instanceof Refused && error.status === 403) return false;
    throw error;
  }
}

/** A city's name, a link to its history for an auditor's key. */
const cityName = (auditor, cityId, name) => (auditor ? el('a', { href: historyHref(cityId) }, name) : name);

// ---------------------------------------------------------------- charts

const baseOptions = () => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false, // drawn at once: nothing to wait for, and a screenshot shows the final chart
  plugins: { legend: { labels: { boxWidth: 12 } } },
});

function growthChart({ summary, fields }, colourOf) {
  const lastYear = Math.max(FIRST_YEAR, ...summary.byYear.map((y) => y.year));
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const byYear = new Map(summary.byYear.map((y) => [y.year, y]));
  const slugs = [...new Set([...fields.map((f) => f.field), ...summary.byYear.flatMap((y) => Object.keys(y.byField))])];
  const labelOf = new Map(fields.map((f) => [f.field, f.label]));
  const datasets = slugs.map((field) => ({
    label: labelOf.get(field) ?? field,
    field,
    data: years.map((year) => byYear.get(year)?.byField[field] ?? 0),
    backgroundColor: colourOf(field),
  }));
  state.charts.growth = {
    years,
    fields: slugs,
    cumulative: years.map((year) => byYear.get(year)?.cumulative ?? 0),
  };
  return new Chart($('growth-chart'), {
    type: 'bar',
    data: { labels: years.map(String), datasets },
    options: {
      ...baseOptions(),
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'member cities at year end' } } },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'right', labels: { boxWidth: 12 } },
        tooltip: {
          itemSort: (a, b) => b.datasetIndex - a.datasetIndex,
          filter: (item) => item.raw > 0,
          callbacks: { footer: (items) => `network: ${items.reduce((sum, item) => sum + item.raw, 0)} cities` },
        },
      },
    },
  });
}

function countriesChart({ summary }) {
  const ranked = Object.entries(summary.byCountry).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  const top = ranked.slice(0, TOP_COUNTRIES);
  const rest = ranked.slice(TOP_COUNTRIES);
  const restCount = rest.reduce((sum, [, n]) => sum + n, 0);
  // the rest in words, not as a bar: one bar of a hundred countries together would dwarf the others
  $('countries-note').textContent = rest.length
    ? `The ${top.length} countries with most member cities; ${rest.length} other countries have ${restCount} together.`
    : 'Every country with a member city.';
  state.charts.countries = { byCode: Object.fromEntries(top), other: { countries: rest.length, cities: restCount } };
  return new Chart($('countries-chart'), {
    type: 'bar',
    data: {
      labels: top.map(([code]) => `${countryName(code)} (${code})`),
      datasets: [{ label: 'member cities', data: top.map(([, n]) => n), backgroundColor: '#0a5c8a' }],
    },
    options: {
      ...baseOptions(),
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
    },
  });
}

function conferencesChart({ conferences, hosts }) {
  const ordered = [...conferences].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  // a meeting not recorded as held is not drawn like one: its format is only the plan; one
  // scheduled and still to come is told apart from one whose day passed without a record
  const kindOf = (m) => (m.status === 'hosted' ? m.format : m.status === 'scheduled' && m.upcoming ? 'to-come' : m.status);
  const suffix = { 'in-person': '', hybrid: ' (hybrid)', online: ' (online)', cancelled: ' (cancelled)', 'to-come': ' (still to come)', scheduled: ' (not recorded as held)' };
  const hostsOf = (m) => [...m.hostCityIds.map((id) => hosts.get(id) ?? id), ...(m.venue ? [m.venue] : [])].join(' & ');
  const labels = ordered.map((m) => `${m.year}  ${hostsOf(m)}${suffix[kindOf(m)] ?? ` (${kindOf(m)})`}`);
  const years = ordered.map((m) => m.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const none = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => !years.includes(y));
  // a conference called off (Santos 2020) is on the timeline, but was not held; nor is one to come
  const count = (kind) => ordered.filter((m) => kindOf(m) === kind).length;
  const held = ordered.filter((m) => m.status === 'hosted').length;
  const others = [
    [count('cancelled'), 'cancelled'],
    [count('to-come'), 'still to come'],
    [count('scheduled'), 'scheduled but not recorded as held'],
  ].filter(([n]) => n > 0);
  $('conferences-note').textContent = ordered.length
    ? `${held} annual conferences held${others.map(([n, what]) => `, ${n} ${what}`).join('')}, ${first}–${last}${none.length ? `; none recorded in ${none.join(', ')}` : ''}.`
    : 'No annual conference recorded yet.';
  state.charts.conferences = {
    entries: ordered.map((m, i) => ({ year: m.year, hosts: hostsOf(m), kind: kindOf(m), status: m.status, upcoming: m.upcoming, edition: m.edition, label: labels[i] })),
  };
  const datasets = CONFERENCE_KINDS.map(({ kind, label, colour }) => ({
    label,
    // floating bars: each conference fills its year on the time axis, on its own row
    data: ordered.map((m) => (kindOf(m) === kind ? [m.year, m.year + 1] : null)),
    backgroundColor: colour,
    grouped: false,
  })).filter((d) => d.data.some((x) => x !== null));
  return new Chart($('conferences-chart'), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...baseOptions(),
      indexAxis: 'y',
      scales: {
        x: { type: 'linear', min: FIRST_YEAR, max: Math.max(last + 1, FIRST_YEAR + 1), ticks: { stepSize: 2, callback: (v) => String(v) } },
        y: { ticks: { autoSkip: false, font: { size: 11 } } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: (items) => ordered[items[0].dataIndex].title,
            label: (item) => {
              const m = ordered[item.dataIndex];
              return [`${hostsOf(m)}, ${m.startsOn} to ${m.endsOn} (${kindOf(m)})`, ...(m.theme ? [`theme: ${m.theme}`] : [])];
            },
          },
        },
      },
    },
  });
}

function complianceChart({ compliance, auditor }) {
  const by = Object.fromEntries(COMPLIANCE.map(({ status }) => [status, compliance.items.filter((c) => c.status === status)]));
  const behind = compliance.items
    .filter((c) => BEHIND.includes(c.status))
    .sort((a, b) => (a.nextDueOn < b.nextDueOn ? -1 : a.nextDueOn > b.nextDueOn ? 1 : a.name < b.name ? -1 : 1));
  const noReport = by['no-report-on-record'].length;
  const overdue = by['overdue'].length;
  // never having reported is said apart from being late with a report on record
  $('compliance-note').textContent =
    `On ${compliance.asOf}, of ${compliance.items.length} members, ${noReport} have no membership monitoring report on record though one was due, ` +
    `and ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue with a report on record.`;
  $('overdue-summary').textContent = `Members behind with their report (${behind.length})`;
  const label = Object.fromEntries(COMPLIANCE.map(({ status, label }) => [status, label]));
  $('overdue-table').tBodies[0].replaceChildren(
    ...behind.map((c) => row([cityName(auditor, c.cityId, c.name), label[c.status], c.designatedOn, c.lastReportOn ?? 'none', c.nextDueOn])),
  );
  const shown = COMPLIANCE.filter(({ status }) => by[status].length > 0);
  state.charts.compliance = {
    asOf: compliance.asOf,
    byStatus: Object.fromEntries(COMPLIANCE.map(({ status }) => [status, by[status].length])),
    behind: behind.length,
  };
  return new Chart($('compliance-chart'), {
    type: 'doughnut',
    data: {
      labels: shown.map(({ label }) => label),
      datasets: [{ data: shown.map(({ status }) => by[status].length), backgroundColor: shown.map(({ colour }) => colour) }],
    },
    options: { ...baseOptions(), plugins: { legend: { position: 'right', labels: { boxWidth: 12 } } } },
  });
}

function fieldsTable({ summary, fields }, colourOf) {
  const body = $('fields-table').tBodies[0];
  body.replaceChildren(
    ...fields.map((f) => {
      const members = summary.byField[f.field] ?? 0;
      const share = summary.members > 0 ? `${((100 * members) / summary.members).toFixed(1)} %` : '–';
      const swatch = el('span', { class: 'swatch' });
      swatch.style.backgroundColor = colourOf(f.field); // CSSOM, which a CSP without 'unsafe-inline' allows
      return row([el('span', {}, swatch, f.label), f.openedOn, String(members), share], [2, 3]);
    }),
  );
  state.charts.fields = { rows: fields.map((f) => ({ field: f.field, label: f.label, openedOn: f.openedOn, members: summary.byField[f.field] ?? 0 })) };
}

// ---------------------------------------------------------------- page

let charts = [];

function render(data) {
  const { summary, fields, compliance, knownAt } = data;
  const colours = new Map(fields.map((f, i) => [f.field, FIELD_COLOURS[i % FIELD_COLOURS.length]]));
  const colourOf = (field) => colours.get(field) ?? '#333';
  $('total-members').textContent = String(summary.members);
  $('total-countries').textContent = String(summary.countries);
  $('total-fields').textContent = String(fields.length);
  $('total-withdrawn').textContent = String(summary.withdrawn);
  // both clocks: the day the figures are about, and the instant the registry answered with what it knew
  $('as-of').textContent = `as of ${compliance.asOf}`;
  $('totals-note').textContent = `As of ${compliance.asOf} (today), as known at ${utc(knownAt)}: what the registry had recorded when it answered.`;
  $('audit-link').hidden = !data.auditor;
  state.totals = { members: summary.members, countries: summary.countries, withdrawn: summary.withdrawn, fields: fields.length };
  state.asOf = compliance.asOf;
  state.knownAt = knownAt.toISOString();
  state.auditor = data.auditor;
  $('dashboard').hidden = false; // before the charts: Chart.js sizes them from their visible boxes
  charts = [growthChart(data, colourOf), countriesChart(data), conferencesChart(data), complianceChart(data)];
  fieldsTable(data, colourOf);
}

function close() {
  for (const chart of charts) chart.destroy();
  charts = [];
  state.charts = {};
  $('dashboard').hidden = true;
  $('audit-link').hidden = true;
  $('as-of').textContent = '';
}

keySession({
  reads: 'the analytics',
  roles: 'an analyst, auditor or secretariat',
  loading: 'Loading the network…',
  close,
  open: async (key) => {
    state.status = 'loading';
    state.error = null;
    try {
      render(await load(key));
      state.status = 'ready';
    } catch (error) {
      state.status = 'error';
      state.error = String(error?.message ?? error);
      throw error;
    }
  },
});
