import type { Role } from '@uccn/config';

export const EVERY_ROLE: Role[] = ['secretariat', 'auditor', 'analyst'];

export interface ContractRoute {
  readonly method: 'GET' | 'POST';
  /** as OpenAPI writes it: `/api/admin/cities/{cityId}/field-change` */
  readonly path: string;
  /** the roles DESIGN §3 lets call it */
  readonly roles: readonly Role[];
  /** a command with a JSON body (the rebuild has none) */
  readonly body: boolean;
  /** a query string that makes a real request of it */
  readonly query?: string;
}

const command = (path: string): ContractRoute => ({ method: 'POST', path, roles: ['secretariat'], body: true });
const read = (path: string, roles: readonly Role[], query?: string): ContractRoute => ({ method: 'GET', path, roles, body: false, ...(query ? { query } : {}) });

/** Every route of DESIGN §3 and the roles the contract lets call it. */
export const CONTRACT_ROUTES: readonly ContractRoute[] = [
  command('/api/admin/cities'),
  command('/api/admin/fields'),
  command('/api/admin/cities/{cityId}/field-change'),
  command('/api/admin/cities/{cityId}/reports'),
  command('/api/admin/cities/{cityId}/reports/{reportId}/review'),
  command('/api/admin/cities/{cityId}/withdrawal'),
  command('/api/admin/cities/{cityId}/corrections'),
  command('/api/admin/cities/{cityId}/reports/{reportId}/corrections'),
  command('/api/admin/cities/{cityId}/withdrawal/retraction'),
  command('/api/admin/cities/{cityId}/focal-point'),
  command('/api/admin/meetings'),
  command('/api/admin/meetings/{meetingId}/hosted'),
  command('/api/admin/meetings/{meetingId}/cancellation'),
  command('/api/admin/meetings/{meetingId}/corrections'),
  command('/api/admin/meetings/{meetingId}/attendance'),
  command('/api/admin/applications'),
  command('/api/admin/applications/{applicationId}/endorsement'),
  command('/api/admin/applications/{applicationId}/decision'),
  command('/api/admin/partnerships'),
  command('/api/admin/partnerships/{partnershipId}/partners'),
  command('/api/admin/partnerships/{partnershipId}/conclusion'),
  command('/api/admin/partnerships/{partnershipId}/contacts'),
  command('/api/admin/data-subjects/erasure'),
  { method: 'POST', path: '/api/admin/projections/{name}/rebuild', roles: ['secretariat'], body: false },
  read('/api/audit/events', ['auditor']),
  read('/api/audit/cities/{cityId}/history', ['auditor']),
  read('/api/audit/membership', ['auditor'], 'asOf=2018-06-12'),
  read('/api/audit/verify', ['auditor']),
  read('/api/audit/anchors/latest', ['auditor']),
  read('/api/audit/projections', ['auditor', 'secretariat']),
  read('/api/audit/contacts', ['auditor', 'secretariat']),
  read('/api/analytics/fields', EVERY_ROLE),
  read('/api/analytics/summary', EVERY_ROLE),
  read('/api/analytics/cities', EVERY_ROLE),
  read('/api/analytics/cities/{cityId}', EVERY_ROLE),
  read('/api/analytics/meetings', EVERY_ROLE),
  read('/api/analytics/reports/compliance', EVERY_ROLE, 'asOf=2020-01-01'),
  read('/api/analytics/applications', EVERY_ROLE),
  read('/api/analytics/partnerships', EVERY_ROLE),
];

/** Values for the path's parameters: real ids, whether or not the record exists. */
const EXAMPLE_IDS: Record<string, string> = {
  cityId: 'lyon',
  reportId: 'r1',
  meetingId: 'm1',
  applicationId: 'a1',
  partnershipId: 'p1',
  name: 'city-directory',
};

/** A concrete URL of the route: `/api/admin/cities/lyon/field-change`. */
export const examplePath = (route: ContractRoute): string =>
  route.path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const id = EXAMPLE_IDS[param];
    if (!id) throw new Error(`no example id for {${param}} in ${route.path}`);
    return id;
  }) + (route.query ? `?${route.query}` : '');
