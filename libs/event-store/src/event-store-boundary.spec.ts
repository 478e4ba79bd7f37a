import { describeBoundary } from '../../../test/support/boundaries.js';

/* The event store port and its adapters: the bottom layer; events are stored as data, so it needs no library. */
describeBoundary({
  name: 'the event-store library',
  root: 'libs/event-store',
  knownFile: 'src/event-store.port.ts',
  libraries: [],
  refuses: [
    "import type { DomainEvent } from '@uccn/domain';",
    "import type { ReadStore } from '@uccn/read-store';",
    "import { ReadStoreUnavailable } from '../../read-store/src/index.js';",
  ],
});
