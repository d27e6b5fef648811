/**
 * Storage of the backend: named collections of JSON-like records.
 *
 * One atomic primitive (`update`) is enough for everything the backend needs
 * (take-once captchas, attempt counters, unique indexes, rate windows) and is easy
 * to map onto a real database (a transaction, or a compare-and-set loop).
 */
export type Collection = 'captcha' | 'request' | 'account' | 'unique' | 'rate' | 'session';

export interface UpdateResult<T, R> {
  /** The new record; `undefined` deletes it. */
  value: T | undefined;
  /** What `update()` resolves to. */
  result: R;
}

export interface Store {
  get<T>(collection: Collection, key: string): Promise<T | undefined>;
  /** Reads, changes and writes one record with no other change in between. */
  update<T, R>(collection: Collection, key: string, change: (current: T | undefined) => UpdateResult<T, R>): Promise<R>;
  /** Drops records whose `expiresAt` (ms) is before `now`; optional housekeeping. */
  sweep?(now: number): Promise<void>;
}

/** Removes and returns a record (single-use tokens). */
export function take<T>(store: Store, collection: Collection, key: string): Promise<T | undefined> {
  return store.update<T, T | undefined>(collection, key, (current) => ({ value: undefined, result: current }));
}

export function put<T>(store: Store, collection: Collection, key: string, value: T): Promise<void> {
  return store.update<T, void>(collection, key, () => ({ value, result: undefined }));
}

/** Writes `value` only if the key is free; resolves to whether it did. */
export function putIfAbsent<T>(store: Store, collection: Collection, key: string, value: T): Promise<boolean> {
  return store.update<T, boolean>(collection, key, (current) =>
    current === undefined ? { value, result: true } : { value: current, result: false });
}

/** The default store: a Map in memory, lost on restart. Values are copied in and out. */
export class MemoryStore implements Store {
  private readonly records = new Map<string, unknown>();

  async get<T>(collection: Collection, key: string): Promise<T | undefined> {
    const value = this.records.get(slot(collection, key));
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  async update<T, R>(collection: Collection, key: string, change: (current: T | undefined) => UpdateResult<T, R>): Promise<R> {
    // Synchronous from read to write, so no other request can interleave.
    const id = slot(collection, key);
    const stored = this.records.get(id);
    const { value, result } = change(stored === undefined ? undefined : (structuredClone(stored) as T));
    if (value === undefined) this.records.delete(id);
    else this.records.set(id, structuredClone(value));
    return result;
  }

  async sweep(now: number): Promise<void> {
    for (const [id, value] of this.records) {
      const expiresAt = (value as { expiresAt?: unknown } | null)?.expiresAt;
      if (typeof expiresAt === 'number' && expiresAt < now) this.records.delete(id);
    }
  }

  /** Every record as `[collection, key, value]`: for tests and inspection. */
  entries(): Array<[Collection, string, unknown]> {
    return [...this.records].map(([id, value]) => {
      const [collection, key] = id.split('\u0000') as [Collection, string];
      return [collection, key, structuredClone(value)];
    });
  }
}

function slot(collection: Collection, key: string): string {
  return `${collection}\u0000${key}`;
}
