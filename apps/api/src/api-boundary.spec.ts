import { describeBoundary, LIBRARIES } from '../../../test/support/boundaries.js';

/* An app: on the libraries only, never another app's folder. */
describeBoundary({
  name: 'apps/api',
  root: 'apps/api',
  knownFile: 'src/app.module.ts',
  libraries: LIBRARIES,
  refuses: [
    "import { openRegistry } from '../../cli/src/registry-context.js';",
    "import { ProjectionsService } from '../../../libs/runtime/src/index.js';",
    "import { x } from '@uccn/testing';",
  ],
});

/*
 * Inside the API: http/ (the guard, the filter, validation, OpenAPI: what every route uses) at
 * the bottom, reaching nothing else of the app; each feature folder above it, reaching http/ but
 * no other feature; app.module.ts, app.factory.ts and main.ts on top compose them.
 */
describeBoundary({
  name: 'apps/api/src/http',
  root: 'apps/api/src/http',
  knownFile: 'api-key.guard.ts',
  libraries: LIBRARIES,
  refuses: ["import { AuditModule } from '../audit/audit.module.js';", "import { AppModule } from '../app.module.js';"],
});

// admin/ names no file: its per-command files are being replaced by a table of commands per aggregate
const FEATURES: readonly [folder: string, knownFile?: string][] = [
  ['admin'],
  ['analytics', 'analytics.module.ts'],
  ['audit', 'audit.module.ts'],
  ['dashboard', 'dashboard.controller.ts'],
  ['health', 'health.module.ts'],
  ['observability', 'observability.module.ts'],
];

for (const [folder, knownFile] of FEATURES) {
  const other = FEATURES.find(([f]) => f !== folder)![0];
  describeBoundary({
    name: `apps/api/src/${folder}`,
    root: `apps/api/src/${folder}`,
    ...(knownFile ? { knownFile } : {}),
    libraries: LIBRARIES,
    reaches: ['apps/api/src/http'],
    refuses: [`import { x } from '../${other}/x.js';`, "import { createApp } from '../app.factory.js';"],
  });
}
