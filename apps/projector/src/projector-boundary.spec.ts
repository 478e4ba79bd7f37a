import { describeBoundary, LIBRARIES } from '../../../test/support/boundaries.js';

/* An app: on the libraries only, never another app's folder. */
describeBoundary({
  name: 'apps/projector',
  root: 'apps/projector',
  knownFile: 'src/projector.module.ts',
  libraries: LIBRARIES,
  refuses: [
    "import { AppModule } from '../../api/src/app.module.js';",
    "import { ProjectionsService } from '../../../libs/runtime/src/index.js';",
    "import { x } from '@uccn/testing';",
  ],
});
