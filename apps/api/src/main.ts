import { Logger } from '@nestjs/common';
import { keyLines, reportStartFailure, storesOf } from '@uccn/runtime';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  // the environment, validated by @nestjs/config with the registry's schema; logs are JSON lines (nestjs-pino)
  const { app, keys, config } = await createApp();
  await app.listen(config.port, config.host);
  const logger = new Logger('UCCN Registry');
  logger.log(`serving on http://localhost:${config.port}/api (${storesOf(config)})`);
  if (keys.source === 'generated') {
    // printed once, on the start that made them; they stay in the file (mode 0600)
    const lines = keyLines(keys.keys).join('\n');
    process.stdout.write(`\nGenerated API keys (kept in ${keys.file}, readable by you only):\n${lines}\n\nUse them as: Authorization: Bearer <key>\n\n`);
  } else if (keys.source === 'generated-earlier') {
    logger.log(`API keys: see ${keys.file}`);
  }
}

main().catch(reportStartFailure);
