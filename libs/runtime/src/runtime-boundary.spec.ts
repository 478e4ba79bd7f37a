import { describeBoundary, LIBRARIES } from '../../../test/support/boundaries.js';

/* What the three apps share: above every other library, below every app; it never reaches into one. */
describeBoundary({
  name: 'the runtime library',
  root: 'libs/runtime',
  knownFile: 'src/infrastructure.module.ts',
  libraries: LIBRARIES.filter((l) => l !== 'runtime'),
  refuses: [
    "import { AppModule } from '../../../apps/api/src/app.module.js';",
    "import { ApiKeyRing } from 'apps/api/src/http/api-keys.js';",
    "import { storesOf } from '@uccn/runtime';",
    "import { handleCommand } from '../../application/src/index.js';",
  ],
});
