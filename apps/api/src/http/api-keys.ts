import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseApiKeys, ROLES, type ApiKey } from '@uccn/config';
import type { Principal } from './principal.js';

export const API_KEY_RING = Symbol('API_KEY_RING');

/**
 * The configured keys, kept only as SHA-256 digests. A lookup compares the candidate's digest
 * with every key's digest in constant time and never stops early, so neither timing nor an
 * exception message tells anything about a key.
 */
/** The key of an `Authorization: Bearer <key>` header (scheme in any case, spaces around the key), or null. */
export function bearerKeyOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

export class ApiKeyRing {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(keys: readonly ApiKey[]) {
    this.entries = keys.map((k) => ({ digest: digest(k.key), principal: { name: k.name, role: k.role } }));
  }

  /** The principal of an `Authorization` header, read as the guard reads it. */
  authenticate(authorization: string | undefined): Principal | null {
    const key = bearerKeyOf(authorization);
    return key === null ? null : this.find(key);
  }

  find(candidate: string): Principal | null {
    const probe = digest(candidate);
    let found: Principal | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, probe)) found = entry.principal;
    }
    return found;
  }
}

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

export const GENERATED_KEYS_FILE = 'api-keys.json';

/**
 * With no keys configured, the embedded mode makes one per role on first start and keeps them in
 * the data directory, readable by the owner only; later starts reuse them.
 */
export function loadOrGenerateKeys(dataDir: string): { keys: ApiKey[]; file: string; generated: boolean } {
  const file = path.join(dataDir, GENERATED_KEYS_FILE);
  if (fs.existsSync(file)) {
    return { keys: [...parseApiKeys(file, fs.readFileSync(file, 'utf8'))], file, generated: false };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = ROLES.map((role) => ({ name: `${role}-local`, role, key: `uccn_${randomBytes(24).toString('base64url')}` }));
  fs.writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { keys, file, generated: true };
}
