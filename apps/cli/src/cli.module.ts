import { Module } from '@nestjs/common';
import { DemoCommand } from './demo.command.js';
import { ExportCommand } from './export.command.js';
import { ImportCommand } from './import.command.js';
import { RebuildCommand } from './rebuild.command.js';
import { VerifyCommand } from './verify.command.js';

/**
 * The commands only: each opens the registry it needs when it runs (openRegistry; `demo` then starts
 * the built API on its own data directory), so `--help` touches no store and `demo` never opens the
 * default data directory.
 */
@Module({ providers: [ImportCommand, RebuildCommand, VerifyCommand, ExportCommand, DemoCommand] })
export class CliModule {}
