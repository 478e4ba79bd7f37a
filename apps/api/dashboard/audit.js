// The auditors' view (DESIGN §6): a city's history on both clocks, the register on any date as
// known at any instant, and the log's integrity. Every fact comes from /api/audit/** (and the city
// directory of /api/analytics/** to find a city by name) with the auditor's key, given once.
// No build step: a plain ES module beside Chart.js's UMD file (window.Chart).
import { $, countryName, el, historyHref, keySession, Refused, registryClient, row, todayUtc, utc } from './registry-client.js';

/** How many of the log's latest events the integrity panel lists. */
const LATEST_EVENTS = 20;
const DAY_MS = 86_400_000;

/**
 * How each event of a city's stream is drawn: the facts of membership, the reports, and the two
 * kinds of amendment (DESIGN §6), which must never look like a fact of the world.
 */
const KINDS = {
  fact: { label: 'membership and field', colour: '#0072B2', pointStyle: 'circle', radius: 6 },
  report: { label: 'reports and reviews', colour: '#009E73', pointStyle: 'rect', radius: 6 },
  correction: { label: 'correction', colour: '#D55E00', pointStyle: 'triangle', radius: 9 },
  retraction: { label: 'retraction', colour: '#B3261E', pointStyle: 'crossRot', radius: 10 },
};
const KIND_OF = {
  CityDesignated: 'fact',
  CityFieldChanged: 'fact',
  MembershipWithdrawn: 'fact',
  ReportSubmitted: 'report',
  ReportReviewed: 'report',
  CityRecordCorrected: 'correction',
  ReportRecordCorrected: 'correction',
  MembershipWithdrawalRetracted: 'retraction',
};
/** The facts a correction may amend, in words, in the order the history shows them. */
const FACT_LABELS = {
  name: 'name',
  country: 'country',
  field: 'designation field',
  designatedOn: 'designation date',
  kind: 'report kind',
  title: 'title',
  periodStart: 'period start',
  periodEnd: 'period end',
  submittedOn: 'submission date',
};
/** The date a correction moves, drawn as an arrow from the value recorded to the value corrected. */
const DATE_FACT = { CityRecordCorrected: 'designatedOn', ReportRecordCorrected: 'submittedOn' };

/** What the page shows, for people reading the code and for the browser test. */
const state = { status: 'idle', error: null, pending: 0, cities: 0, history: null, register: null, verify: null, anchor: undefined, events: [], projections: [], event: null };
window.__audit = state;

/** The session's API and what the page loaded once: the directory (to find cities) and the field labels. */
let session = null;
let historyChart = null;

/** Counts the requests under way, so that a reader (or a test) can tell when the page is still. */
async function track(work) {
  state.pending += 1;
  try {
    return await work;
  } finally {
    state.pending -= 1;
  }
}

// ---------------------------------------------------------------- loading

async function open(key) {
  state.status = 'loading';
  state.error = null;
  try {
    const api = registryClient(key);
    // the audit reads first among them: a key that may not read the audit trail is refused at once
    const [integrity, cities, fields] = await Promise.all([loadIntegrity(api), api.all('/api/analytics/cities'), api.all('/api/analytics/fields')]);
    session = {
      api,
      cities: new Map(cities.items.map((c) => [c.cityId, c])),
      fieldLabels: new Map(fields.items.map((f) => [f.field, f.label])),
    };
    state.cities = session.cities.size;
    $('city-list').replaceChildren(
      ...[...session.cities.values()].sort(byName).map((c) => el('option', { value: `${c.name} (${c.cityId})` })),
    );
    const today = todayUtc();
    for (const id of ['as-of-input', 'compare-as-of-input']) $(id).max = today;
    if (!$('as-of-input').value) $('as-of-input').value = today;
    $('audit').hidden = false; // before the charts: Chart.js sizes them from their visible boxes
    renderIntegrity(integrity);
    void track(verifyNow(api, { reload: false }));
    await track(showRegister());
    state.status = 'ready';
    await followHash();
  } catch (error) {
    state.status = 'error';
    state.error = String(error?.message ?? error);
    throw error;
  }
}

function close() {
  session = null;
  historyChart?.destroy();
  historyChart = null;
  $('audit').hidden = true;
  for (const id of ['history', 'register', 'register-diff', 'event-section', 'city-choices']) $(id).hidden = true;
  Object.assign(state, { cities: 0, history: null, register: null, verify: null, anchor: undefined, events: [], projections: [], event: null });
}

const byName = (a, b) => a.name.localeCompare(b.name, 'en') || (a.cityId < b.cityId ? -1 : 1);
const fieldLabel = (field) => session?.fieldLabels.get(field) ?? field;
const dateMs = (date) => Date.parse(`${date}T00:00:00Z`);
/**
 * `#event=<position>@<stream>`: the log pages only from cursors it hands out, so the page finds an
 * event by reading its stream (short) for the position, never by counting positions.
 */
const eventHref = (position, streamId) => `#event=${position}@${streamId}`;
const positionIn = (value) => Number(String(value).split('@')[0]);
/** A city's name as a link to its history on this page (a name the directory lacks shows its id). */
const cityLink = (cityId, name = session?.cities.get(cityId)?.name ?? cityId) => el('a', { href: historyHref(cityId) }, name);

// ---------------------------------------------------------------- where the page is (#city=…, #event=…)

function hashParams() {
  return new URLSearchParams(location.hash.slice(1));
}

async function followHash() {
  if (!session) return;
  const params = hashParams();
  const cityId = params.get('city');
  const position = params.get('event');
  if (cityId && cityId !== state.history?.cityId) await track(showHistory(cityId));
  if (position !== null && positionIn(position) !== state.event?.position) await track(showEvent(position));
}

window.addEventListener('hashchange', () => void followHash());

// ---------------------------------------------------------------- 1. a city's history

/** The cities an auditor may have meant: an id, "Name (id)" as the list offers it, or a name or part of one. */
function citiesMatching(text) {
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const cities = [...session.cities.values()];
  const id = /\(([a-z0-9-]+)\)\s*$/.exec(text)?.[1] ?? fold(text);
  if (session.cities.has(id)) return [session.cities.get(id)];
  const wanted = fold(text.replace(/\([^)]*\)\s*$/, ''));
  const exact = cities.filter((c) => fold(c.name) === wanted);
  if (exact.length > 0) return exact.sort(byName);
  return cities.filter((c) => fold(c.name).includes(wanted) || c.cityId.includes(wanted)).sort(byName);
}

$('city-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!session) return;
  const text = $('city-input').value;
  const found = citiesMatching(text);
  $('city-choices').hidden = true;
  if (found.length === 1) {
    goToCity(found[0].cityId);
  } else if (found.length === 0) {
    $('city-message').textContent = `No city in the register is named or identified by “${text.trim()}”.`;
  } else {
    $('city-message').textContent = `${found.length} cities match “${text.trim()}”; choose one:`;
    const shown = found.slice(0, 30);
    $('city-choices').replaceChildren(
      ...shown.map((c) => el('li', {}, el('a', { href: historyHref(c.cityId) }, `${c.name} (${countryName(c.country)}, ${fieldLabel(c.field)}, ${c.cityId})`))),
    );
    $('city-choices').hidden = false;
  }
});

function goToCity(cityId) {
  $('city-message').textContent = '';
  const target = `#city=${encodeURIComponent(cityId)}`;
  if (location.hash === target) void track(showHistory(cityId));
  else location.hash = target; // a place in the page's history: back returns to the previous city
}

async function showHistory(cityId) {
  $('city-choices').hidden = true;
  let history;
  try {
    history = await session.api.get(`/api/audit/cities/${encodeURIComponent(cityId)}/history`);
  } catch (error) {
    if (!(error instanceof Refused) || ![400, 404].includes(error.status)) throw error;
    $('history').hidden = true;
    state.history = null;
    $('city-message').textContent = `No history for “${cityId}”: ${error.detail}.`;
    return;
  }
  const city = session.cities.get(cityId);
  $('city-message').textContent = '';
  $('city-input').value = city ? `${city.name} (${cityId})` : cityId;
  $('history-heading').textContent = city ? `${city.name} (${cityId})` : cityId;
  $('history-facts').textContent = city
    ? [
        countryName(city.country),
        `${fieldLabel(city.field)} today`,
        city.status === 'member' ? `member since ${city.designatedOn}` : `withdrawn on ${city.withdrawnOn} (${city.withdrawalReason}), designated ${city.designatedOn}`,
        `${history.items.length} events on record`,
      ].join(' · ')
    : `${history.items.length} events on record`;
  $('history').hidden = false;
  $('history-list').replaceChildren(...history.items.map(historyEntry));
  historyChart?.destroy();
  historyChart = drawHistory(history.items);
  state.history = {
    cityId,
    name: city?.name ?? cityId,
    entries: history.items.map((e) => ({
      position: e.position,
      type: e.type,
      kind: KIND_OF[e.type] ?? 'fact',
      domainDate: e.domainDate,
      recordedAt: e.recordedAt,
      actor: e.actor,
      correlationId: e.correlationId,
      summary: e.summary,
    })),
  };
}

/** One entry of the timeline in words: what, both clocks, who, the correlation id, and the raw event. */
function historyEntry(entry) {
  const kind = KIND_OF[entry.type] ?? 'fact';
  const item = el(
    'li',
    { class: `entry kind-${kind}`, 'data-position': entry.position },
    el(
      'div',
      { class: 'entry-head' },
      el('span', { class: 'domain-date', title: 'the domain date: when it happened in the world' }, entry.domainDate),
      el('span', { class: `badge badge-${kind}` }, KINDS[kind].label),
      el('strong', {}, entry.type),
    ),
    el('p', { class: 'summary' }, entry.summary),
  );
  if (entry.type === 'CityRecordCorrected' || entry.type === 'ReportRecordCorrected') item.append(...correctionDetails(entry.data));
  if (entry.type === 'MembershipWithdrawalRetracted') item.append(...retractionDetails(entry.data));
  item.append(
    el(
      'p',
      { class: 'entry-meta' },
      `recorded ${utc(entry.recordedAt)} by ${entry.actor ?? 'an unknown actor'}${entry.role ? ` (${entry.role})` : ''} · correlation id `,
      el('code', {}, entry.correlationId ?? 'none'),
      ' · ',
      el('a', { href: eventHref(entry.position, entry.streamId), 'aria-label': `event ${entry.position} in the log (${entry.type})` }, `event ${entry.position} in the log`),
    ),
  );
  return item;
}

/** The values recorded and corrected, fact by fact, and the reason. */
function correctionDetails({ before = {}, after = {}, reason, reportId }) {
  const facts = Object.keys(FACT_LABELS).filter((fact) => fact in after);
  return [
    el(
      'table',
      { class: 'change' },
      el('caption', {}, reportId ? `Report ${reportId}, as recorded and as corrected` : 'The designation, as recorded and as corrected'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'fact'), el('th', { scope: 'col' }, 'recorded (before)'), el('th', { scope: 'col' }, 'corrected (after)'))),
      el('tbody', {}, ...facts.map((fact) => el('tr', {}, el('th', { scope: 'row' }, FACT_LABELS[fact]), el('td', { class: 'before' }, String(before[fact] ?? '(not recorded)')), el('td', { class: 'after' }, String(after[fact]))))),
    ),
    el('p', { class: 'reason' }, el('strong', {}, 'Reason: '), reason),
  ];
}

function retractionDetails({ retracted, reason }) {
  return [
    el('p', { class: 'change-line' }, 'Retracts the withdrawal recorded as effective on ', el('span', { class: 'before' }, retracted.effectiveOn), ` (${retracted.reason}): the city was a member all along.`),
    el('p', { class: 'reason' }, el('strong', {}, 'Reason: '), reason),
  ];
}

/** A date as a point on a time line counted in years: 2010-07-02 → 2010.5. */
function yearOf(date) {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  return year + (dateMs(date) - start) / (Date.UTC(year + 1, 0, 1) - start);
}

/** A point of that line as a date, to the month on ticks: 2010.5 → 2010-07. */
function monthOf(value) {
  const year = Math.floor(value + 1e-9);
  const month = Math.min(11, Math.round((value - year) * 12));
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The timeline on both clocks: the domain date across (in years), recordedAt up. */
function drawHistory(items) {
  const point = (e) => ({ x: yearOf(e.domainDate), y: Date.parse(e.recordedAt), entry: e });
  const datasets = Object.entries(KINDS)
    .map(([kind, style]) => ({
      type: 'scatter',
      label: style.label,
      data: items.filter((e) => (KIND_OF[e.type] ?? 'fact') === kind).map(point),
      backgroundColor: style.colour,
      borderColor: style.colour,
      pointStyle: style.pointStyle,
      pointRadius: style.radius,
      pointHoverRadius: style.radius + 2,
      borderWidth: kind === 'retraction' ? 3 : 1,
    }))
    .filter((d) => d.data.length > 0);
  // a corrected date: an arrow at the correction's recording, from the date recorded to the date corrected
  const arrows = items
    .filter((e) => DATE_FACT[e.type] && e.data.after?.[DATE_FACT[e.type]] && e.data.before?.[DATE_FACT[e.type]])
    .map((e) => {
      const fact = DATE_FACT[e.type];
      return { from: e.data.before[fact], to: e.data.after[fact], y: Date.parse(e.recordedAt), entry: e };
    });
  arrows.forEach(({ from: fromDate, to: toDate, y, entry }, i) => {
    const [from, to] = [yearOf(fromDate), yearOf(toDate)];
    datasets.push({
      type: 'line',
      label: 'correction: recorded → corrected',
      first: i === 0,
      data: [
        { x: from, y, entry },
        { x: to, y, entry },
      ],
      borderColor: KINDS.correction.colour,
      backgroundColor: KINDS.correction.colour,
      borderWidth: 2,
      // a dot at the value recorded; the correction's own triangle marks the value corrected
      pointStyle: 'circle',
      pointRadius: [4, 0],
    });
  });
  // a retraction joined to the withdrawal it retracts, by a dashed line
  for (const retraction of items.filter((e) => e.type === 'MembershipWithdrawalRetracted')) {
    const withdrawal = items.filter((e) => e.type === 'MembershipWithdrawn' && e.position < retraction.position && e.data.effectiveOn === retraction.data.retracted.effectiveOn).at(-1);
    if (!withdrawal) continue;
    datasets.push({
      type: 'line',
      label: 'retracted withdrawal',
      first: true,
      data: [point(withdrawal), point(retraction)],
      borderColor: KINDS.retraction.colour,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
    });
  }

  const xs = datasets.flatMap((d) => d.data.map((p) => p.x));
  const ys = datasets.flatMap((d) => d.data.map((p) => p.y));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  // whole years on a long history, quarters on a short one; the axis starts and ends on a tick
  const xPad = Math.max((xMax - xMin) * 0.05, 0.3);
  const xStep = xMax - xMin + 2 * xPad <= 3 ? 0.25 : xMax - xMin + 2 * xPad <= 14 ? 1 : 2;
  const [xFrom, xTo] = [Math.floor((xMin - xPad) / xStep) * xStep, Math.ceil((xMax + xPad) / xStep) * xStep];
  const yPad = Math.max((yMax - yMin) * 0.1, 2_000);
  const ySpan = yMax - yMin + 2 * yPad;
  // recordedAt to the second on a short span (an import of a minute), by the day on a long one
  const yTick = (value) => (ySpan < 2 * DAY_MS ? new Date(value).toISOString().slice(11, 19) : new Date(value).toISOString().slice(0, 10));
  state.historyChart = { points: items.length, arrows: arrows.map(({ from, to, entry }) => ({ position: entry.position, from, to })) };
  return new Chart($('history-chart'), {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: xFrom,
          max: xTo,
          title: { display: true, text: 'domain date: when it happened in the world' },
          ticks: {
            stepSize: xStep,
            callback: (value) => (Math.abs(value - Math.round(value)) < 1e-6 ? String(Math.round(value)) : monthOf(value)),
            maxRotation: 0,
          },
        },
        y: {
          type: 'linear',
          min: yMin - yPad,
          max: yMax + yPad,
          title: { display: true, text: `recordedAt: when the registry learned it (UTC${ySpan < 2 * DAY_MS ? `, ${new Date(yMin).toISOString().slice(0, 10)}` : ''})` },
          ticks: { callback: yTick, includeBounds: false },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { boxWidth: 12, usePointStyle: true, filter: (item, data) => data.datasets[item.datasetIndex].first !== false },
        },
        tooltip: {
          callbacks: {
            title: (points) => points[0].raw.entry.type,
            label: (point) => {
              const e = point.raw.entry;
              return [e.summary, `happened ${e.domainDate}; recorded ${utc(e.recordedAt)} by ${e.actor ?? 'unknown'}`, `event ${e.position} in the log`];
            },
          },
        },
      },
    },
  });
}

// ---------------------------------------------------------------- 2. the register on a date

/** A `datetime-local` value read as UTC (the registry's clock): `2025-01-15T09:30` → `2025-01-15T09:30:00.000Z`. */
const instantOf = (value) => (value ? new Date(`${value.length === 16 ? `${value}:00` : value}Z`).toISOString() : undefined);

$('register-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (session) void track(showRegister());
});

async function readRegister(asOf, knownAt) {
  const query = new URLSearchParams({ asOf, ...(knownAt ? { knownAt } : {}) });
  return session.api.all(`/api/audit/membership?${query}`);
}

async function showRegister() {
  const asOf = $('as-of-input').value || todayUtc();
  const knownAt = instantOf($('known-at-input').value);
  const compareAsOf = $('compare-as-of-input').value;
  const compareKnownAt = instantOf($('compare-known-at-input').value);
  let first;
  let second = null;
  try {
    first = await readRegister(asOf, knownAt);
    // an empty instant is now; when both are, "now" is the one instant the first side was answered at
    if (compareAsOf || compareKnownAt) second = await readRegister(compareAsOf || asOf, compareKnownAt ?? (knownAt ? undefined : first.knownAt));
  } catch (error) {
    if (!(error instanceof Refused) || error.status !== 400) throw error;
    $('register-message').textContent = `The registry cannot answer that: ${error.detail}.`;
    return;
  }
  $('register-message').textContent = '';
  $('register-summary').replaceChildren(...registerLine(first));
  $('register-list-summary').textContent = `The ${first.total} members on ${first.asOf}`;
  $('register-table').tBodies[0].replaceChildren(
    ...[...first.items].sort(byName).map((c) => row([cityLink(c.cityId, c.name), `${countryName(c.country)} (${c.country})`, fieldLabel(c.field), c.designatedOn])),
  );
  $('register').hidden = false;
  state.register = { asOf: first.asOf, knownAt: first.knownAt, total: first.total, cityIds: first.items.map((c) => c.cityId).sort(), diff: null };
  if (!second) {
    $('register-diff').hidden = true;
    return;
  }
  const diff = differences(first.items, second.items);
  $('diff-heading').textContent = `From ${first.asOf} as known at ${utc(first.knownAt)} to ${second.asOf} as known at ${utc(second.knownAt)}: ${first.total} → ${second.total} members`;
  $('diff-lists').replaceChildren(
    diffList('Joined', diff.joined, (c) => [cityLink(c.cityId, c.name), ` (${c.country}), ${fieldLabel(c.field)}, designated ${c.designatedOn}`]),
    diffList('Left', diff.left, (c) => [cityLink(c.cityId, c.name), ` (${c.country}), ${fieldLabel(c.field)}`]),
    diffList('Changed field', diff.changedField, ({ before, after }) => [cityLink(after.cityId, after.name), `: ${fieldLabel(before.field)} → ${fieldLabel(after.field)}`]),
    diffList('Record amended', diff.amended, ({ before, after }) => [
      cityLink(after.cityId, after.name),
      `: ${['name', 'country', 'designatedOn'].filter((k) => before[k] !== after[k]).map((k) => `${FACT_LABELS[k]} ${before[k]} → ${after[k]}`).join(', ')}`,
    ]),
  );
  $('register-diff').hidden = false;
  state.register.compared = { asOf: second.asOf, knownAt: second.knownAt, total: second.total };
  state.register.diff = {
    joined: diff.joined.map((c) => c.cityId),
    left: diff.left.map((c) => c.cityId),
    changedField: diff.changedField.map(({ before, after }) => ({ cityId: after.cityId, from: before.field, to: after.field })),
    amended: diff.amended.map(({ after }) => after.cityId),
  };
}

function registerLine(register) {
  return [
    el('span', { class: 'figure' }, String(register.total)),
    ` member cities on ${register.asOf}, as the registry knew it at ${utc(register.knownAt)}`,
  ];
}

/** Who joined, who left, who changed field and whose record was amended, from the first register to the second. */
function differences(first, second) {
  const before = new Map(first.map((c) => [c.cityId, c]));
  const after = new Map(second.map((c) => [c.cityId, c]));
  const both = second.filter((c) => before.has(c.cityId)).map((c) => ({ before: before.get(c.cityId), after: c }));
  const pairsByName = (a, b) => byName(a.after, b.after);
  return {
    joined: second.filter((c) => !before.has(c.cityId)).sort(byName),
    left: first.filter((c) => !after.has(c.cityId)).sort(byName),
    changedField: both.filter(({ before: b, after: a }) => b.field !== a.field).sort(pairsByName),
    amended: both.filter(({ before: b, after: a }) => b.name !== a.name || b.country !== a.country || b.designatedOn !== a.designatedOn).sort(pairsByName),
  };
}

function diffList(title, items, describe) {
  return el(
    'div',
    { class: 'diff-list' },
    el('h4', {}, `${title} (${items.length})`),
    items.length ? el('ul', {}, ...items.map((item) => el('li', {}, ...describe(item)))) : el('p', { class: 'note' }, 'none'),
  );
}

// ---------------------------------------------------------------- 3. the log's integrity

async function loadIntegrity(api) {
  const [projections, latest] = await Promise.all([api.get('/api/audit/projections'), api.get('/api/audit/anchors/latest')]);
  return { projections: projections.items, anchor: latest.anchor, events: await latestEvents(api) };
}

/** The log's newest events, newest first: the store reads them backwards from the end. */
async function latestEvents(api) {
  return (await api.get(`/api/audit/events?order=newest-first&limit=${LATEST_EVENTS}`)).items;
}

function renderIntegrity({ projections, anchor, events }) {
  state.projections = projections.map(({ name, version, position, head, lag, state: s }) => ({ name, version, position, head, lag, state: s }));
  $('projections-table').tBodies[0].replaceChildren(
    ...projections.map((p) =>
      row([p.name, String(p.version), String(p.position), String(p.head), String(p.lag), p.rebuild ? `${p.state} (rebuilding v${p.rebuild.version})` : p.state, p.lastError?.message ?? '—'], [1, 2, 3, 4]),
    ),
  );

  state.anchor = anchor;
  if (anchor) {
    $('anchor').replaceChildren(
      ...fact('covers the log up to position', String(anchor.upToPosition)),
      ...fact('events covered', String(anchor.events)),
      ...fact('digest', el('code', { class: 'digest' }, anchor.logHash)),
      ...fact('written at', utc(anchor.recordedAt)),
      ...fact('recorded as', el('a', { href: eventHref(anchor.position, 'log-anchors') }, `event ${anchor.position} in the log`)),
    );
    $('anchor-note').textContent = `Keep the digest outside the registry: a later verify must meet it. Events after position ${anchor.upToPosition} are vouched for by their streams' hash chains until the next anchor covers them.`;
  } else {
    $('anchor').replaceChildren();
    $('anchor-note').textContent = 'No anchor yet: the registry anchors the log after 1,000 events, or a minute after the first event not yet covered.';
  }

  state.events = events.map((e) => ({ position: e.position, type: e.type, streamId: e.streamId, actor: e.metadata.actor ?? null }));
  $('events-table').tBodies[0].replaceChildren(
    ...events.map((e) => {
      const cityId = e.streamId.startsWith('city-') ? e.streamId.slice('city-'.length) : null;
      const actor = `${e.metadata.actor ?? '—'}${e.metadata.role ? ` (${e.metadata.role})` : ''}`;
      return row(
        [
          el('a', { href: eventHref(e.position, e.streamId), 'aria-label': `event ${e.position} (${e.type})` }, String(e.position)),
          utc(e.metadata.recordedAt),
          cityId ? el('a', { href: historyHref(cityId), 'aria-label': `the history of ${e.streamId}` }, e.streamId) : e.streamId,
          e.type,
          actor,
          el('code', {}, e.metadata.correlationId ?? '—'),
        ],
        [0],
      );
    }),
  );
}

const fact = (term, value) => [el('dt', {}, term), el('dd', {}, value)];

/** Recomputes the hash chains; `reload` also reads the anchor, the latest events and the projections again. */
async function verifyNow(api, { reload = true } = {}) {
  $('verify-now').disabled = true;
  $('verify-result').textContent = 'Recomputing every hash chain…';
  $('verify-detail').textContent = '';
  state.verify = { status: 'running' };
  try {
    // the whole panel at the same moment: the anchor, the latest events and the projections beside the result
    const [result, integrity] = await Promise.all([api.get('/api/audit/verify'), reload ? loadIntegrity(api) : null]);
    const at = new Date();
    if (integrity) renderIntegrity(integrity);
    state.verify = { status: 'done', at: at.toISOString(), ...result };
    if (result.ok) {
      $('verify-result').replaceChildren('✓ Intact: ', el('span', { class: 'figure' }, String(result.checked)), ' events checked, every hash chain recomputes');
      $('verify-detail').textContent = `Verified ${utc(at)}${result.newestAnchor ? `; it met every anchor, the newest covering ${result.newestAnchor.events} events up to position ${result.newestAnchor.upToPosition}` : '; no anchor to meet yet'}.`;
    } else {
      const why = { hash: 'its content or its stream’s chain does not match its hash', anchor: 'the log up to there differs from what its anchor recorded', missing: 'an anchor vouched for this position and the log no longer holds it' };
      // the answer names a position, not a stream: shown as such (the events route finds it by stream)
      $('verify-result').replaceChildren(`✗ Broken at position ${result.firstBrokenAt}`, ` after ${result.checked} events checked`);
      $('verify-detail').textContent = `Verified ${utc(at)}: ${why[result.reason] ?? result.reason}.`;
    }
  } catch (error) {
    state.verify = { status: 'error', error: String(error?.message ?? error) };
    $('verify-result').textContent = `The log could not be verified: ${state.verify.error}`;
  } finally {
    $('verify-now').disabled = false;
  }
}

$('verify-now').addEventListener('click', () => {
  if (session) void track(verifyNow(session.api));
});

// ---------------------------------------------------------------- an event of the log (#event=<position>@<stream>)

/** The event at `position` of `streamId`, or null: the stream is read page by page until past it. */
async function eventInStream(api, streamId, position) {
  for (let after = ''; ; ) {
    const page = await api.get(`/api/audit/events?stream=${encodeURIComponent(streamId)}&limit=500${after}`);
    const found = page.items.find((e) => e.position === position);
    if (found || page.next === null || page.items.at(-1)?.position > position) return found ?? null;
    after = `&after=${encodeURIComponent(page.next)}`;
  }
}

async function showEvent(value) {
  const [given, streamId] = String(value).split('@');
  const position = Number(given);
  const section = $('event-section');
  section.hidden = false;
  $('event-facts').replaceChildren();
  $('event-data').textContent = '';
  $('event-metadata').textContent = '';
  if (!Number.isSafeInteger(position) || position < 1 || !streamId) {
    $('event-title').textContent = 'An event of the log';
    $('event-message').textContent = `“${value}” names no event of the log: open one from a history or the latest events.`;
    state.event = null;
    return;
  }
  const event = await eventInStream(session.api, streamId, position);
  if (!event || event.position !== position) {
    $('event-title').textContent = `Position ${position} of the log`;
    $('event-message').textContent = `The log holds no event at position ${position}.`;
    state.event = { position, found: false };
  } else {
    const { metadata } = event;
    const cityId = event.streamId.startsWith('city-') ? event.streamId.slice('city-'.length) : null;
    $('event-title').textContent = `Event ${position} of the log: ${event.type}`;
    $('event-message').textContent = '';
    $('event-facts').replaceChildren(
      ...fact('position', String(event.position)),
      ...fact('stream and revision', el('span', {}, cityId ? cityLink(cityId, event.streamId) : event.streamId, ` at revision ${event.revision}`)),
      ...fact('type', event.type),
      ...fact('event id', el('code', {}, event.id)),
      ...fact('recorded at', metadata.recordedAt ? utc(metadata.recordedAt) : '—'),
      ...fact('actor', `${metadata.actor ?? '—'}${metadata.role ? ` (${metadata.role})` : ''}`),
      ...fact('correlation id', el('code', {}, metadata.correlationId ?? '—')),
      ...fact('hash', el('code', { class: 'digest' }, metadata.hash ?? '—')),
      ...fact('previous hash in its stream', el('code', { class: 'digest' }, metadata.previousHash ?? 'none: the first of its stream')),
    );
    $('event-data').textContent = JSON.stringify(event.data, null, 2);
    $('event-metadata').textContent = JSON.stringify(metadata, null, 2);
    state.event = { position, found: true, type: event.type, streamId: event.streamId, actor: metadata.actor ?? null, data: event.data };
  }
  section.scrollIntoView({ block: 'start' });
  $('event-title').focus({ preventScroll: true });
}

// ---------------------------------------------------------------- the key

keySession({ reads: 'the audit trail', roles: 'an auditor', loading: 'Loading the audit trail…', open, close });
