import { describeBoundary } from '../../../test/support/boundaries.js';

/* What both embedded SQLite stores share (the WAL checkpointer): below every other library. */
describeBoundary({
  name: 'the sqlite library',
  root: 'libs/sqlite',
  knownFile: 'src/wal-checkpointer.ts',
  libraries: [],
  refuses: ["import type { EventStore } from '@uccn/event-store';", "import { ReadStoreUnavailable } from '../../read-store/src/index.js';"],
});
