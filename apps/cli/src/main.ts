import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { failureLine } from '@uccn/runtime';
import { CliModule } from './cli.module.js';

/** A command that fails says why in one line (a stack only for what is not a known failure) and exits 1. */
function fail(error: unknown): void {
  const known = error instanceof Error && (error.name === 'Error' || error.name === 'DomainError');
  process.stderr.write(`${known ? error.message : failureLine(error, '')}\n`);
  process.exitCode = 1;
}

// `npm run cli -- export audit | head`: a reader that has seen enough is not a failure
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

await CommandFactory.run(CliModule, {
  cliName: 'uccn',
  logger: ['error', 'warn'],
  serviceErrorHandler: fail,
}).catch(fail);
