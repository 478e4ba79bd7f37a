import { describeBoundary, LIBRARIES } from '../../../test/support/boundaries.js';

/* An app: on the libraries only, never another app's folder (the demo runs the built API as its own process). */
describeBoundary({
  name: 'apps/cli',
  root: 'apps/cli',
  knownFile: 'src/registry-context.ts',
  libraries: LIBRARIES,
  refuses: [
    "import { createApp } from '../../api/src/app.factory.js';",
    "import { ProjectorModule } from '../../projector/src/projector.module.js';",
    "import { freePort } from '../../../test/support/ports.js';",
  ],
});
