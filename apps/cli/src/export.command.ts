import * as fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { ALL_PROJECTIONS, CONTACTS_READ_MODEL, LAG_COUNTED_UP_TO, ReadModels } from '@uccn/projections';
import { ListContactsQuery, MAX_PAGE_SIZE } from '@uccn/application';
import { QueryBus } from '@nestjs/cqrs';
import { ProjectionsService, storesOf } from '@uccn/runtime';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CsvWriter } from './csv-writer.js';
import { openRegistry } from './registry-context.js';

const PAGE = 1_000;

/** The audit trail's columns: each event's place, both clocks' instant, who recorded it, and its data. */
const AUDIT_COLUMNS = ['position', 'recordedAt', 'streamId', 'revision', 'type', 'actor', 'role', 'eventId', 'correlationId', 'data', 'hash'] as const;

interface ExportOptions {
  readonly out?: string;
}

/**
 * A projection's first collection is the read model its queries serve (the others keep what its
 * reducer needs, like the city directory's reports): the projection's name alone exports it.
 */
const readModelNames = () => ALL_PROJECTIONS.flatMap((p) => Object.keys(p.collections).map((c, i) => (i === 0 ? p.name : `${p.name}/${c}`)));

@Command({
  name: 'export',
  arguments: '<what>',
  description: `write CSV: "audit" (every event of the log) or a read model: ${readModelNames().join(', ')}`,
})
export class ExportCommand extends CommandRunner {
  async run([what]: string[], options: ExportOptions = {}): Promise<void> {
    const target = what === 'audit' ? null : readModelOf(what!);
    if (target === undefined) {
      process.stderr.write(`cannot export ${JSON.stringify(what)}: "audit" or one of ${readModelNames().join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    const registry = await openRegistry({ runProjections: false }, config);
    const out: Writable = options.out ? fs.createWriteStream(options.out) : process.stdout;
    const csv = new CsvWriter();
    try {
      const rows =
        target === null
          ? await exportAudit(registry, csv, out)
          : target.projection === CONTACTS_READ_MODEL.projection && target.collection === CONTACTS_READ_MODEL.collection
            ? await exportContacts(registry, csv, out)
            : await exportReadModel(registry, target, csv, out);
      process.stderr.write(`${rows} rows of ${what} from ${storesOf(config)}${options.out ? ` written to ${options.out}` : ''}\n`);
      if (csv.strippedNul > 0) process.stderr.write(`note: ${csv.strippedNul} fields held NUL characters, which the CSV leaves out\n`);
    } finally {
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
      await registry.close();
    }
  }

  @Option({ flags: '-o, --out <file>', description: 'write to this file instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}

/** `city-directory` → its first collection; `membership-register/cities` → that collection; else undefined. */
function readModelOf(what: string): { projection: string; collection: string } | undefined {
  const [name, collection] = what.split('/');
  const projection = ALL_PROJECTIONS.find((p) => p.name === name);
  if (!projection) return undefined;
  const collections = Object.keys(projection.collections);
  const chosen = collection ?? collections[0];
  return chosen && collections.includes(chosen) ? { projection: projection.name, collection: chosen } : undefined;
}

async function exportAudit(registry: INestApplicationContext, csv: CsvWriter, out: Writable): Promise<number> {
  const store = registry.get<EventStore>(EVENT_STORE);
  await write(out, csv.line(AUDIT_COLUMNS));
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = await store.readAll({ after, maxCount: PAGE });
    if (batch.length === 0) return rows;
    for (const e of batch) {
      const m = e.metadata;
      await write(out, csv.line([e.position, m['recordedAt'], e.streamId, e.revision, e.type, m['actor'], m['role'], e.id, m['correlationId'], e.data, m['hash']]));
      rows += 1;
      after = e.position;
    }
  }
}

/**
 * A read model's documents, one row each, in id order; the columns are every top-level field met,
 * nested values as JSON. Documents are read twice (columns, then rows) to keep memory to a page.
 */
async function exportReadModel(registry: INestApplicationContext, target: { projection: string; collection: string }, csv: CsvWriter, out: Writable): Promise<number> {
  const status = (await registry.get(ProjectionsService).statuses()).find((s) => s.name === target.projection);
  if (status && status.lag > 0) {
    const behind = `${status.lag >= LAG_COUNTED_UP_TO ? 'at least ' : ''}${status.lag} events`;
    process.stderr.write(`note: ${target.projection} is ${behind} behind the log (state ${status.state}); it catches up where the projections run\n`);
  }
  const collection = await registry.get(ReadModels).collection(target.projection, target.collection);
  const columns = new Set<string>();
  for (let skip = 0; ; skip += PAGE) {
    const page = await collection.find({ skip, limit: PAGE });
    for (const doc of page) for (const key of Object.keys(doc)) columns.add(key);
    if (page.length < PAGE) break;
  }
  const header = [...columns];
  await write(out, csv.line(header));
  let rows = 0;
  for (let skip = 0; ; skip += PAGE) {
    const page = await collection.find({ skip, limit: PAGE });
    for (const doc of page) {
      await write(out, csv.line(header.map((c) => doc[c])));
      rows += 1;
    }
    if (page.length < PAGE) return rows;
  }
}

/** What a contacts export holds of a person: who (opaquely), in what role, of what, and whether erased. */
const CONTACT_COLUMNS = ['subjectId', 'role', 'cityId', 'partnershipId', 'recordedAt', 'erased'] as const;

/**
 * The contacts on record, without their names and addresses: a CSV file is written to disk, where
 * personal data never goes in the clear (DESIGN §7). `erased` says whether the person's data can
 * still be read (in `GET /api/audit/contacts`); after an erasure it is `true`, in every export.
 */
async function exportContacts(registry: INestApplicationContext, csv: CsvWriter, out: Writable): Promise<number> {
  const queries = registry.get(QueryBus);
  await write(out, csv.line(CONTACT_COLUMNS));
  let rows = 0;
  for (let page = 1; ; page += 1) {
    const { items } = await queries.execute(new ListContactsQuery({}, { page, limit: MAX_PAGE_SIZE }));
    for (const contact of items) {
      const of = contact.of as { cityId?: string; partnershipId?: string };
      await write(out, csv.line([contact.subjectId, contact.role, of.cityId ?? '', of.partnershipId ?? '', contact.recordedAt, 'erased' in contact]));
      rows += 1;
    }
    if (items.length < MAX_PAGE_SIZE) return rows;
  }
}

/** Honours back-pressure, so a large log is not buffered whole in memory. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
