import * as os from 'node:os';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ListContactsHandler, RegistryCommandHandler, VerifyLogHandler } from '@uccn/application';
import { loadConfig, type RegistryConfig } from '@uccn/config';
import { InfrastructureModule, ProjectionRebuilds } from '@uccn/runtime';

/**
 * The registry without HTTP, as apps/projector has it: the shared InfrastructureModule (the same
 * stores from the same configuration) and the API's own command and query handlers, so what the
 * CLI records is decided exactly as a POST to the API would be.
 */
@Module({})
class RegistryContextModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryContextModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot({ config })],
      providers: [
        RegistryCommandHandler,
        VerifyLogHandler,
        ListContactsHandler,
        ProjectionRebuilds,
      ],
    };
  }
}

export interface RegistryContextOptions {
  /**
   * Run the projections in this process. Off for commands that only write or read the log: an
   * API running on the same data picks the CLI's appends up itself (the SQLite log is polled for
   * other processes' appends), and two runners must never build the same read model at once.
   */
  readonly runProjections: boolean;
}

/** Opens the stores named by the environment (UCCN_DATA_DIR, EVENTSTORE_URL, MONGODB_URL: loadConfig). */
export async function openRegistry(options: RegistryContextOptions, config: RegistryConfig = loadConfig()): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(RegistryContextModule.forRoot({ ...config, runProjections: options.runProjections }), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  await context.init();
  return context;
}

/** The events' actor for what the CLI records: the operating-system user at the keyboard. */
export function cliActor(): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env['USER'] ?? 'unknown';
  }
  return `cli:${user}`;
}
