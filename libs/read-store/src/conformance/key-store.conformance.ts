import { randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES, newDataKey, type KeyStore } from '../key-store.port.js';

/**
 * The one behaviour every key store adapter must show. Each adapter's int-spec calls this with a
 * way to open a store (twice, when it can: two stores on the same data stand for two processes).
 *
 * Subjects are random per test, so the suite can run against a shared MongoDB; every subject it
 * made is destroyed afterwards.
 */
export function describeKeyStoreConformance(
  adapterName: string,
  open: () => Promise<{ store: KeyStore; second?: KeyStore; cleanup?: () => Promise<void> }>,
): void {
  describe(`KeyStore conformance: ${adapterName}`, () => {
    let store: KeyStore;
    let second: KeyStore | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    const made: string[] = [];
    /** a fresh subject id, shaped like the registry's (64 hex digits) */
    const subject = (): string => {
      const id = randomBytes(32).toString('hex');
      made.push(id);
      return id;
    };

    beforeAll(async () => {
      ({ store, second, cleanup } = await open());
    });

    afterAll(async () => {
      if (store) for (const id of made) await store.destroy(id).catch(() => undefined);
      if (cleanup) await cleanup();
      else {
        await second?.close();
        await store?.close();
      }
    });

    it('makes a key on first use and returns the same key every time after', async () => {
      const id = subject();
      const first = await store.keyFor(id);
      const again = await store.keyFor(id);
      expect(again).toEqual(first);
      expect(first.subjectId).toBe(id);
      expect(await store.find(id)).toEqual(first);
    });

    it('stores a proposed key on first use, and returns the existing key whatever is proposed after', async () => {
      const id = subject();
      const proposed = newDataKey(id);
      expect(await store.keyFor(id, proposed)).toEqual(proposed);
      expect(await store.keyFor(id, newDataKey(id))).toEqual(proposed);
      expect(await (second ?? store).find(id)).toEqual(proposed);
      await expect(store.keyFor(subject(), newDataKey(subject()))).rejects.toThrow(/same subject/);
    });

    it('a key is 32 bytes from a random source, with a key id of its own, and differs per subject', async () => {
      const keys = await Promise.all([subject(), subject(), subject(), subject()].map((id) => store.keyFor(id)));
      for (const k of keys) {
        expect(Buffer.isBuffer(k.key)).toBe(true);
        expect(k.key).toHaveLength(DATA_KEY_BYTES);
        expect(k.keyId).toMatch(/^\S{8,}$/);
        // 32 random bytes are never all one value (a zeroed or constant buffer would be)
        expect(new Set(k.key).size).toBeGreaterThan(8);
      }
      expect(new Set(keys.map((k) => k.key.toString('hex'))).size).toBe(4);
      expect(new Set(keys.map((k) => k.keyId)).size).toBe(4);
    });

    it('find makes no key: null for a subject never seen', async () => {
      const id = subject();
      expect(await store.find(id)).toBeNull();
      expect(await store.find(id)).toBeNull();
    });

    it('concurrent first uses agree on ONE key', async () => {
      const id = subject();
      const stores = second ? [store, second] : [store];
      const keys = await Promise.all(Array.from({ length: 16 }, (_, i) => stores[i % stores.length]!.keyFor(id)));
      const distinct = new Set(keys.map((k) => `${k.keyId}:${k.key.toString('hex')}`));
      expect(distinct.size).toBe(1);
      expect(await store.find(id)).toEqual(keys[0]);
    });

    it('destroy makes find null; a later keyFor makes a NEW key', async () => {
      const id = subject();
      const old = await store.keyFor(id);
      expect(await store.destroy(id)).toBe(true);
      expect(await store.find(id)).toBeNull();
      if (second) expect(await second.find(id)).toBeNull();
      const fresh = await store.keyFor(id);
      expect(fresh.keyId).not.toBe(old.keyId);
      expect(fresh.key.equals(old.key)).toBe(false);
      expect(await store.find(id)).toEqual(fresh);
    });

    it('destroy is idempotent: it answers whether a key existed, and never fails for a missing one', async () => {
      const id = subject();
      expect(await store.destroy(id)).toBe(false);
      await store.keyFor(id);
      expect(await store.destroy(id)).toBe(true);
      expect(await store.destroy(id)).toBe(false);
      expect(await store.find(id)).toBeNull();
    });

    it("destroying one subject's key leaves every other subject's key", async () => {
      const [a, b] = [subject(), subject()];
      const keyA = await store.keyFor(a);
      await store.keyFor(b);
      await store.destroy(b);
      expect(await store.find(a)).toEqual(keyA);
    });

    it('refuses a subject id that is not short and plain, and never echoes it', async () => {
      const email = 'ines.varga@example.org';
      for (const call of [() => store.keyFor(email), () => store.find(''), () => store.destroy('x'.repeat(129))]) {
        const error = await call().then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect(String((error as Error).message)).not.toContain(email);
      }
    });
  });
}
