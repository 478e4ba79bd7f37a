import type { AddressInfo } from 'node:net';
import { loadConfig } from '@uccn/config';
import { createApp } from '../../apps/api/src/app.factory.js';
import { BENCH_KEYS_JSON } from '../support/keys.js';
import { reportFailure, serveUntilStopped } from '../support/children.js';

/**
 * The registry as `npm start` runs it (embedded stores, projections in the process), on the data
 * directory the bench names, with rate limiting off so the load generator measures the API.
 * UCCN_RUN_PROJECTIONS=false in the bench's environment leaves the projections out of the process.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    UCCN_DATA_DIR: process.env['BENCH_DATA_DIR'],
    UCCN_API_KEYS: BENCH_KEYS_JSON,
    UCCN_RATE_LIMIT: '0',
    UCCN_LOG_LEVEL: process.env['UCCN_LOG_LEVEL'] ?? 'warn',
    // passed through so a run can separate the projections sharing the process from the request path
    UCCN_RUN_PROJECTIONS: process.env['UCCN_RUN_PROJECTIONS'],
    UCCN_PROJECTION_BATCH_SIZE: process.env['UCCN_PROJECTION_BATCH_SIZE'],
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const { app } = await createApp(config); // logs at UCCN_LOG_LEVEL (warn unless the bench's environment says otherwise)
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveUntilStopped(port, () => app.close());
}

main().catch(reportFailure);
