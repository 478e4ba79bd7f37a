import { Logger } from '@nestjs/common';
import { ConfigError } from '@uccn/config';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  // the environment, validated by @nestjs/config with the registry's schema; logs are JSON lines (nestjs-pino)
  const { app, keys, config } = await createApp();
  await app.listen(config.port, config.host);
  const logger = new Logger('UCCN Registry');
  const stores = `${config.eventStoreUrl ? 'EventStoreDB' : 'SQLite'} events, ${config.mongodbUrl ? 'MongoDB' : 'SQLite'} read models`;
  logger.log(`serving on http://localhost:${config.port}/api (${stores}, data in ${config.dataDir})`);
  if (keys.source === 'generated') {
    // printed once, on the start that made them; they stay in the file (mode 0600)
    const lines = keys.keys.map((k) => `  ${k.role.padEnd(12)} ${k.key}`).join('\n');
    process.stdout.write(`\nGenerated API keys (kept in ${keys.file}, readable by you only):\n${lines}\n\nUse them as: Authorization: Bearer <key>\n\n`);
  } else if (keys.source === 'generated-earlier') {
    logger.log(`API keys: see ${keys.file}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`Start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
