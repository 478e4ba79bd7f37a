import { describeBoundary } from '../../../test/support/boundaries.js';

/* The read store port and its adapters: documents are data; of the libraries only the domain's pure helpers. */
describeBoundary({
  name: 'the read-store library',
  root: 'libs/read-store',
  knownFile: 'src/read-store.port.ts',
  // the domain is the ground every library stands on: its pure helpers (messageOf, compare) serve here too
  libraries: ['domain', 'sqlite'],
  refuses: [
    "import type { EventStore } from '@uccn/event-store';",
    "import { ALL_PROJECTIONS } from '@uccn/projections';",
    "import { EventStoreUnavailable } from '../../event-store/src/index.js';",
  ],
});
