import { describeBoundary } from '../../../test/support/boundaries.js';

/* The environment, validated: the bottom layer, beside the domain; it knows no other library. */
describeBoundary({
  name: 'the config library',
  root: 'libs/config',
  knownFile: 'src/load-config.ts',
  libraries: [],
  refuses: [
    "import { slugOf } from '@uccn/domain';",
    "import { storesOf } from '@uccn/runtime';",
    "import { parseApiKeys } from '../../runtime/src/index.js';",
  ],
});
