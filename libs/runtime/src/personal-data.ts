import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RegistryConfig } from '@uccn/config';
import { type KeyStore, MongoKeyStore, SqliteKeyStore } from '@uccn/read-store';
import { READ_MODELS_FILE } from './stores.js';

export const SUBJECT_SECRET = Symbol('SUBJECT_SECRET');
export const GENERATED_SUBJECT_SECRET_FILE = 'subject-secret';

/**
 * The registry secret under which subject ids are made: the configured one, else the one kept in
 * the data directory (readable by the owner only), made on first start like the API keys. Losing
 * it loses the way from an e-mail address to its subject (an erasure could no longer find them),
 * so it is backed up with the data directory, and every process of one registry shares it.
 */
export function loadOrGenerateSubjectSecret(config: Pick<RegistryConfig, 'dataDir' | 'subjectSecret'>): Buffer {
  if (config.subjectSecret !== null) return Buffer.from(config.subjectSecret, 'utf8');
  const file = path.join(config.dataDir, GENERATED_SUBJECT_SECRET_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote
    fs.writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable subject secret (at least 32 characters)`);
  return Buffer.from(secret, 'utf8');
}

/** Beside the read models: in MongoDB's database when `MONGODB_URL` is set, else in their SQLite file. */
export async function openKeyStore(config: RegistryConfig): Promise<KeyStore> {
  if (config.mongodbUrl) return MongoKeyStore.connect(config.mongodbUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteKeyStore.open({ file: path.join(config.dataDir, READ_MODELS_FILE) });
}
