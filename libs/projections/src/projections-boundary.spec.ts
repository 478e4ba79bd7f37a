import { describeBoundary } from '../../../test/support/boundaries.js';

/* The read models and their runner: above the domain (the events they fold) and the two stores (the log they read, the documents they write). */
describeBoundary({
  name: 'the projections library',
  root: 'libs/projections',
  knownFile: 'src/runner/projection-runner.ts',
  libraries: ['domain', 'event-store', 'read-store'],
  refuses: [
    "import { CLOCK } from '@uccn/application';",
    "import type { RegistryConfig } from '@uccn/config';",
    "import { ProjectionsService } from '@uccn/runtime';",
    "import { cityDecider } from '../../domain/src/index.js';",
  ],
});
