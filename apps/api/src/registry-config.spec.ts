import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigService } from '@nestjs/config';
import { ConfigError } from '@uccn/config';
import { REGISTRY, validateEnvironment } from '@uccn/runtime';
import { createApp } from './app.factory.js';

const KEYS = JSON.stringify([{ name: 'ops', role: 'auditor', key: 'a-key-of-sixteen-characters-or-more' }]);

/** Runs `body` with these variables set in the process environment, and puts it back after. */
async function withEnvironment<T>(variables: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = { ...process.env };
  Object.assign(process.env, variables);
  try {
    return await body();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
    Object.assign(process.env, before);
  }
}

describe('configuration validated at start by @nestjs/config with the registry schema', () => {
  it('refuses a port out of range, naming the variable and what it expects', () => {
    expect(() => validateEnvironment({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => validateEnvironment({ PORT: '70000' })).toThrow('PORT must be an integer from 0 to 65535 (got "70000")');
  });

  it('stops the start of the API when a variable is wrong', async () => {
    await withEnvironment({ UCCN_RATE_LIMIT: 'abc' }, async () => {
      await expect(createApp()).rejects.toThrow('UCCN_RATE_LIMIT must be an integer from 0 to 1000000 (got "abc")');
    });
  });

  it('starts from the environment and holds the validated configuration in ConfigService, adding nothing to the environment', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uccn-config-'));
    await withEnvironment({ UCCN_DATA_DIR: dataDir, UCCN_API_KEYS: KEYS, UCCN_RATE_LIMIT: '42', UCCN_LOG_LEVEL: 'silent' }, async () => {
      const variablesBefore = Object.keys(process.env).sort();
      const { app, config } = await createApp();
      try {
        expect(config).toMatchObject({ dataDir, rateLimitPerMinute: 42, logLevel: 'silent', apiKeys: [{ name: 'ops', role: 'auditor' }] });
        expect(app.get(ConfigService).get(REGISTRY)).toEqual(config);
        expect(Object.keys(process.env).sort()).toEqual(variablesBefore);
      } finally {
        await app.close();
      }
    });
  });
});
