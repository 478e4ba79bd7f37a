import { describeBoundary } from '../../../test/support/boundaries.js';

/* The use cases: above the domain, the stores, the projections (queries read them) and the configuration. */
describeBoundary({
  name: 'the application library',
  root: 'libs/application',
  knownFile: 'src/shared/handle-command.ts',
  libraries: ['domain', 'event-store', 'read-store', 'projections', 'config'],
  refuses: [
    "import { ProjectionsService } from '@uccn/runtime';",
    "import { ReadModels } from '../../projections/src/index.js';",
    "import { AppModule } from '../../../apps/api/src/app.module.js';",
  ],
});
