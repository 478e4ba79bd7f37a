// The analysts' dashboard: every figure comes from /api/analytics/** with the key the analyst
// gives once. No build step: plain ES modules beside Chart.js's UMD file (window.Chart).
import { $, countryName, keySession, registryClient, row } from './registry-client.js';

const FIRST_YEAR = 2004; // the network's founding (seed 002)
const TOP_COUNTRIES = 25;
/** Okabe–Ito: eight colours told apart with every common colour-vision deficiency */
const FIELD_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#F0E442', '#7F7F7F'];
const CONFERENCE_KINDS = [
  { kind: 'in-person', label: 'in person', colour: '#0072B2' },
  { kind: 'hybrid', label: 'hybrid', colour: '#56B4E9' },
  { kind: 'online', label: 'online', colour: '#E69F00' },
  { kind: 'cancelled', label: 'cancelled', colour: '#B3261E' },
  { kind: 'scheduled', label: 'scheduled, not yet held', colour: '#BBBBBB' },
];

/** What the page shows, for people reading the code and for the browser test. */
const state = { status: 'idle', error: null, charts: {} };
window.__dashboard = state;

async function load(key) {
  const api = registryClient(key);
  // compliance without asOf: the server's today, which the answer names
  const [summary, fields, conferences, compliance] = await Promise.all([
    api.get('/api/analytics/summary'),
    api.all('/api/analytics/fields'),
    api.all('/api/analytics/meetings?kind=annual-conference'),
    api.all('/api/analytics/reports/compliance'),
  ]);
  const hostIds = [...new Set(conferences.items.flatMap((m) => m.hostCityIds))];
  const hosts = new Map(
    await Promise.all(hostIds.map(async (id) => [id, (await api.get(`/api/analytics/cities/${encodeURIComponent(id)}`).catch(() => null))?.name ?? id])),
  );
  return { summary, fields: fields.items, conferences: conferences.items, hosts, compliance };
}

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
  // a meeting not recorded as held is not drawn like one: its format is only the plan
  const kindOf = (m) => (m.status === 'hosted' ? m.format : m.status);
  const hostsOf = (m) => [...m.hostCityIds.map((id) => hosts.get(id) ?? id), ...(m.venue ? [m.venue] : [])].join(' & ');
  const labels = ordered.map((m) => `${m.year}  ${hostsOf(m)}${kindOf(m) === 'in-person' ? '' : ` (${kindOf(m)})`}`);
  const years = ordered.map((m) => m.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const none = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => !years.includes(y));
  // a conference called off (Santos 2020) is on the timeline, but was not held
  const cancelled = ordered.filter((m) => kindOf(m) === 'cancelled').length;
  $('conferences-note').textContent = ordered.length
    ? `${ordered.length - cancelled} annual conferences held${cancelled ? `, ${cancelled} cancelled` : ''}, ${first}–${last}${none.length ? `; none recorded in ${none.join(', ')}` : ''}.`
    : 'No annual conference recorded yet.';
  state.charts.conferences = {
    entries: ordered.map((m, i) => ({ year: m.year, hosts: hostsOf(m), kind: kindOf(m), edition: m.edition, label: labels[i] })),
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

function complianceChart({ compliance }) {
  const overdue = compliance.items.filter((c) => c.overdue).sort((a, b) => (a.nextDueOn < b.nextDueOn ? -1 : a.nextDueOn > b.nextDueOn ? 1 : 0));
  const onTime = compliance.items.length - overdue.length;
  $('compliance-note').textContent = `On ${compliance.asOf}, ${overdue.length} of ${compliance.items.length} members are overdue with their four-yearly membership monitoring report.`;
  $('overdue-summary').textContent = `Overdue members (${overdue.length})`;
  const body = $('overdue-table').tBodies[0];
  body.replaceChildren(...overdue.map((c) => row([c.name, c.designatedOn, c.lastReportOn ?? 'none', c.nextDueOn])));
  state.charts.compliance = { asOf: compliance.asOf, onTime, overdue: overdue.length };
  return new Chart($('compliance-chart'), {
    type: 'doughnut',
    data: { labels: ['on time', 'overdue'], datasets: [{ data: [onTime, overdue.length], backgroundColor: ['#009E73', '#B3261E'] }] },
    options: { ...baseOptions(), plugins: { legend: { position: 'right', labels: { boxWidth: 12 } } } },
  });
}

function fieldsTable({ summary, fields }, colourOf) {
  const body = $('fields-table').tBodies[0];
  body.replaceChildren(
    ...fields.map((f) => {
      const members = summary.byField[f.field] ?? 0;
      const share = summary.members > 0 ? `${((100 * members) / summary.members).toFixed(1)} %` : '–';
      const tr = row([f.label, f.openedOn, String(members), share], [2, 3]);
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = colourOf(f.field); // CSSOM, which a CSP without 'unsafe-inline' allows
      tr.cells[0].prepend(swatch);
      return tr;
    }),
  );
  state.charts.fields = { rows: fields.map((f) => ({ field: f.field, label: f.label, openedOn: f.openedOn, members: summary.byField[f.field] ?? 0 })) };
}

// ---------------------------------------------------------------- page

let charts = [];

function render(data) {
  const { summary, fields } = data;
  const colours = new Map(fields.map((f, i) => [f.field, FIELD_COLOURS[i % FIELD_COLOURS.length]]));
  const colourOf = (field) => colours.get(field) ?? '#333';
  $('total-members').textContent = String(summary.members);
  $('total-countries').textContent = String(summary.countries);
  $('total-fields').textContent = String(fields.length);
  $('total-withdrawn').textContent = String(summary.withdrawn);
  $('as-of').textContent = `as of ${data.compliance.asOf}`;
  state.totals = { members: summary.members, countries: summary.countries, withdrawn: summary.withdrawn, fields: fields.length };
  $('dashboard').hidden = false; // before the charts: Chart.js sizes them from their visible boxes
  charts = [growthChart(data, colourOf), countriesChart(data), conferencesChart(data), complianceChart(data)];
  fieldsTable(data, colourOf);
}

function close() {
  for (const chart of charts) chart.destroy();
  charts = [];
  state.charts = {};
  $('dashboard').hidden = true;
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
