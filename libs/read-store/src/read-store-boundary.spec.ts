import { describeBoundary } from '../../../test/support/boundaries.js';

/* The read store port and its adapters: the bottom layer; documents are data, so it needs no library. */
describeBoundary({
  name: 'the read-store library',
  root: 'libs/read-store',
  knownFile: 'src/read-store.port.ts',
  libraries: [],
  refuses: [
    "import type { EventStore } from '@uccn/event-store';",
    "import { ALL_PROJECTIONS } from '@uccn/projections';",
    "import { EventStoreUnavailable } from '../../event-store/src/index.js';",
  ],
});
