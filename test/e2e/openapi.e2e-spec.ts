import { createConfig, lintFromString } from '@redocly/openapi-core';
import { CONTRACT_ROUTES, examplePath, type ContractRoute } from './support/contract-routes.js';
import { registrySuite } from './support/registry-suite.js';
import { cluster, creativeCities } from './support/seeds.js';

type Schema = { $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema; example?: unknown; required?: string[] };
type Operation = {
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; example?: unknown; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema; example?: unknown }>; headers?: Record<string, unknown> }>;
};
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme?: string }> };
};

/**
 * Served on purpose without a place in the document: the documentation itself (Swagger UI and
 * its assets), the dashboard and the auditors' view with the files they load, pages for people
 * rather than routes of the API. A route added anywhere else must be documented, or this spec fails.
 */
const UNDOCUMENTED = [/^\/docs(\/|-json$|-yaml$|$)/, /^\/$/, /^\/audit$/, /^\/dashboard\//];

/**
 * The routes the server really answers, from Fastify's own router (`printRoutes` draws them as a
 * tree of path segments, one node a line): `{ method, path }` with `:id` written `{id}`.
 */
function servedRoutes(tree: string): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    stack.length = depth;
    stack.push(node[2]!);
    for (const method of (node[3] ?? '').split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD' && m !== 'OPTIONS')) {
      routes.push({ method, path: stack.join('').replace(/:(\w+)/g, '{$1}') });
    }
  }
  return routes;
}

/**
 * What Redocly's linter (`redocly lint`, its `recommended` rules, warnings included) reports on a
 * document, one line a problem, less the exceptions named here with why each does not apply.
 */
async function lintProblems(document: unknown): Promise<string[]> {
  const config = await createConfig({
    extends: ['recommended'],
    rules: {
      // the registry is not published under a licence (package.json: UNLICENSED): there is none to name
      'info-license': 'off',
    },
  });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
  // liveness and readiness take no input and no key: no 4xx is theirs to answer (the rule stays on for every other route)
  const healthHasNo4xx = (ruleId: string, pointer: string | undefined) => ruleId === 'operation-4xx-response' && /^#\/paths\/~1health(~1ready)?\/get\/responses$/.test(pointer ?? '');
  return problems
    .filter((p) => !healthHasNo4xx(p.ruleId, p.location[0]?.pointer))
    .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
}

describe('the OpenAPI document lists every route of the contract', () => {
  const registry = registrySuite();
  let document: OpenApiDocument;
  beforeAll(async () => {
    const answer = await registry.anonymous.get<OpenApiDocument>('/docs-json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  const operationOf = (route: { method: string; path: string }): Operation | undefined => document.paths[route.path]?.[route.method.toLowerCase()];
  const resolve = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema);
  /** every property a schema documents, through `$ref` and `allOf` */
  const propertiesOf = (schema: Schema): Record<string, Schema> => {
    const resolved = resolve(schema);
    return Object.assign({}, resolved.properties, ...(resolved.allOf ?? []).map(propertiesOf));
  };

  it('is served without a key, as OpenAPI 3, with the API key as a bearer scheme', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.values(document.components.securitySchemes)).toContainEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  });

  it("passes Redocly's recommended rules, warnings included", async () => {
    expect(await lintProblems(document)).toEqual([]);
  });

  it('would not pass them with an undefined security scheme, an open route without security: [], no servers, or a keyed route without a 4xx', async () => {
    const broken = structuredClone(document) as OpenApiDocument & { servers?: unknown[] };
    delete broken.paths['/health']!['get']!.security;
    broken.paths['/metrics']!['get']!.security = [{ bearer: [] }];
    broken.servers = [];
    broken.paths['/api/analytics/fields']!['get']!.responses = { '200': broken.paths['/api/analytics/fields']!['get']!.responses['200']! };
    const problems = await lintProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error security-defined at #\/paths\/~1health\/get:/),
        expect.stringMatching(/^error security-defined at #\/paths\/~1metrics\/get\/security\/0\/bearer:/),
        expect.stringMatching(/^error no-empty-servers at #\/servers:/),
        expect.stringMatching(/^warn operation-4xx-response at #\/paths\/~1api~1analytics~1fields\/get\/responses:/),
      ]),
    );
  });

  const byRoute = CONTRACT_ROUTES.map((route) => [route.method, route.path, route] as const);

  it.each(byRoute)('documents %s %s: its group, key, parameters, answer and errors as problem+json', (_m, _p, route: ContractRoute) => {
    const operation = operationOf(route);
    expect(operation).toBeDefined();
    const { tags, summary, security, parameters = [], responses } = operation!;
    expect(tags).toEqual([route.path.startsWith('/api/admin/') ? 'secretariat' : route.path.startsWith('/api/audit/') ? 'audit' : 'analytics']);
    expect(summary).toBeTruthy();
    const scheme = Object.keys(document.components.securitySchemes)[0]!;
    expect(security).toEqual([{ [scheme]: [] }]);
    for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
      expect(parameters).toContainEqual(expect.objectContaining({ in: 'path', name }));
    }
    expect(Object.keys(responses).filter((status) => status.startsWith('2'))).toEqual([route.method === 'GET' ? '200' : route.body ? '201' : '202']);
    for (const status of ['401', '403', '429', '503']) {
      const problem = responses[status]?.content?.['application/problem+json'];
      expect(problem?.schema.$ref).toBe('#/components/schemas/ProblemDetails');
      expect(problem?.example).toMatchObject({ status: Number(status) });
    }
  });

  const commands = CONTRACT_ROUTES.filter((route) => route.body).map((route) => [route.path, route] as const);

  it.each(commands)('documents POST %s as a command: a body with examples, Idempotency-Key, If-Match, 201 with ETag', (_p, route: ContractRoute) => {
    const { parameters = [], requestBody, responses } = operationOf(route)!;
    const properties = propertiesOf(requestBody!.content['application/json']!.schema);
    expect(Object.keys(properties).length).toBeGreaterThan(0);
    for (const [name, property] of Object.entries(properties)) expect([name, property.example]).not.toEqual([name, undefined]);
    expect(parameters.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(['Idempotency-Key', 'If-Match']);
    expect(Object.keys(responses['201']!.headers ?? {})).toContain('ETag');
    expect(responses['201']!.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/CommandAccepted');
    for (const status of ['400', '409', '412', '413', '422']) expect(responses[status]?.content).toHaveProperty(['application/problem+json']);
  });

  it.each(commands)('accepts the example of POST %s as a well-formed request (whatever the domain then says)', async (_p, route: ContractRoute) => {
    const properties = propertiesOf(operationOf(route)!.requestBody!.content['application/json']!.schema);
    const example = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.example]));
    const answer = await registry.secretariat.post(examplePath(route), example);
    // the fields at fault are shown when it fails
    expect({ status: answer.status, errors: answer.body?.errors }).not.toMatchObject({ status: 400 });
  });

  it('documents every route the server serves, and none it does not', () => {
    const served = servedRoutes(registry.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    // the parse found the contract: a guard against a change of printRoutes' drawing
    expect(served).toEqual(expect.arrayContaining(CONTRACT_ROUTES.map(({ method, path }) => ({ method, path }))));
    const undocumented = served.filter((route) => !UNDOCUMENTED.some((pattern) => pattern.test(route.path)) && !operationOf(route));
    expect(undocumented).toEqual([]);
    // SwaggerModule lists every controller's route by itself: an API route is documented when it
    // says what it does, belongs to a group and names its errors
    const api = served.filter((route) => route.path.startsWith('/api/')).map((route) => ({ ...route, operation: operationOf(route)! }));
    const undescribed = api.filter(({ operation }) => !operation.summary || operation.tags?.length !== 1 || !['secretariat', 'audit', 'analytics'].includes(operation.tags[0]!));
    expect(undescribed.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const withoutErrors = api.filter(({ operation }) => !operation.responses['401']?.content?.['application/problem+json']);
    expect(withoutErrors.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(documented.filter((route) => !served.some((s) => s.method === route.method && s.path === route.path))).toEqual([]);
  });

  it('documents every property the reads really answer', async () => {
    // a little history, so that every list has an item to compare (the commands' examples above
    // may or may not have left one: this spec does not count on them)
    expect((await registry.secretariat.post('/api/admin/cities', { cityId: 'lyon', name: 'Lyon', country: 'FR', field: 'media-arts', designatedOn: '2008-11-03' })).status).toBe(201);
    const meeting = { meetingId: 'annual-conference-2009', kind: 'annual-conference', title: 'III UNESCO Creative Cities Network Annual Conference', edition: 3, hostCityIds: ['lyon'], startsOn: '2009-09-07', endsOn: '2009-09-09', format: 'in-person' };
    expect((await registry.secretariat.post('/api/admin/meetings', meeting)).status).toBe(201);
    // an application taken the whole way (endorsed, then decided), so that its item carries all it can
    const application = { applicationId: 'krakow-2013', cityId: 'krakow', cityName: 'Kraków', country: 'PL', field: 'literature', callYear: 2013, submittedOn: '2013-03-15' };
    const submitted = await registry.secretariat.post('/api/admin/applications', application);
    expect(submitted.status).toBe(201);
    const endorsement = { endorsedOn: '2013-04-02', by: 'Polish National Commission for UNESCO' };
    expect((await registry.secretariat.post('/api/admin/applications/krakow-2013/endorsement', endorsement)).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/applications/krakow-2013/decision', { decision: 'designated', decidedOn: '2013-10-21' })).status).toBe(201);
    // a partnership with its optional parts, a partner who joined later, and its conclusion
    // a partner that names a member city on the day it takes part (Lyon, above, since 2008)
    const withLyon = { ...creativeCities, partnershipId: 'creative-cities-2010', partners: [...creativeCities.partners, { name: 'City of Lyon', country: 'FR', cityId: 'lyon' }] };
    expect((await registry.secretariat.post('/api/admin/partnerships', withLyon)).status).toBe(201);
    expect((await registry.secretariat.post('/api/admin/partnerships/creative-cities-2010/partners', cluster)).status).toBe(201);
    const concluded = await registry.secretariat.post('/api/admin/partnerships/creative-cities-2010/conclusion', { concludedOn: '2012-12-31', outcome: 'a network of creative industry clusters' });
    expect(concluded.status).toBe(201);
    await registry.settled(Math.max(submitted.body.position, concluded.body.position));

    const listsWithoutItem: string[] = [];
    for (const route of CONTRACT_ROUTES.filter((r) => r.method === 'GET')) {
      const answer = await (route.path.startsWith('/api/audit/') ? registry.auditor : registry.analyst).get(examplePath(route));
      expect([route.path, answer.status]).toEqual([route.path, 200]);
      const documented = propertiesOf(operationOf(route)!.responses['200']!.content!['application/json']!.schema);
      expect([route.path, Object.keys(answer.body).filter((key) => !(key in documented))]).toEqual([route.path, []]);
      if (documented['items']?.items) {
        // a list: its items are compared with their schema, so it must have one to compare
        const [item] = Array.isArray(answer.body.items) ? answer.body.items : [];
        if (!item) {
          listsWithoutItem.push(route.path);
          continue;
        }
        const documentedItem = propertiesOf(documented['items'].items);
        expect([route.path, Object.keys(item).filter((key) => !(key in documentedItem))]).toEqual([route.path, []]);
      }
    }
    expect(listsWithoutItem).toEqual([]);
  });

  it('serves Swagger UI at /docs without a key, and every script and style it loads', async () => {
    const page = await registry.anonymous.get<string>('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const assets = [...page.body.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map(([, asset]) => `/${asset}`);
    expect(assets).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-init.js']));
    for (const asset of assets) {
      const answer = await registry.anonymous.get<string>(asset);
      expect([asset, answer.status]).toEqual([asset, 200]);
      expect(answer.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
    // the page's own script carries the document, so Swagger UI needs no second request
    expect((await registry.anonymous.get<string>('/docs/swagger-ui-init.js')).body).toContain('/api/admin/cities');
  });
});
