import { describeBoundary } from '../../../test/support/boundaries.js';

/* The event store port and its adapters: events are stored as data; of the libraries only the domain's pure helpers. */
describeBoundary({
  name: 'the event-store library',
  root: 'libs/event-store',
  knownFile: 'src/event-store.port.ts',
  // the domain is the ground every library stands on: its pure helpers (messageOf, compare) serve here too
  libraries: ['domain', 'sqlite'],
  refuses: [
    "import type { ReadStore } from '@uccn/read-store';",
    "import { ReadStoreUnavailable } from '../../read-store/src/index.js';",
  ],
});
