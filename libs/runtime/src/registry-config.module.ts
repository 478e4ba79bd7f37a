import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig, type RegistryConfig } from '@uccn/config';

/** The key under which `ConfigService` holds the validated `RegistryConfig`. */
export const REGISTRY = 'registry';

/**
 * `@nestjs/config`'s validate hook with the registry's own schema (`libs/config`): a wrong value
 * throws `ConfigError`, whose message names the variable and what it expects. The config is
 * returned under one key holding an object, so that `@nestjs/config` copies nothing of it back
 * into `process.env`.
 */
export function validateEnvironment(env: Record<string, unknown>): { readonly [REGISTRY]: RegistryConfig } {
  const strings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { [REGISTRY]: loadConfig(strings) };
}

/**
 * The global `ConfigModule`: validating the environment at start (`main.ts`), or holding a
 * configuration given whole (tests, benchmarks). No `.env` file is read: the environment is the
 * one source (compose, systemd and CI set it), so what runs is what `env` shows.
 */
export async function registryConfigModule(given?: RegistryConfig): Promise<{ module: DynamicModule; config: RegistryConfig }> {
  let config = given;
  const module = await ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validate: (env) => {
      const validated = given ? { [REGISTRY]: given } : validateEnvironment(env);
      config = validated[REGISTRY];
      return validated;
    },
  });
  return { module, config: config! };
}
