/**
 * Persons with an ID, by the key of their ID (`personIdKey`): an open-addressing hash table over
 * one `Int32Array` of (hash, person number + 1) pairs, sized once for the rows it may receive.
 * A country has ~140,000 distinct IDs: inserted into a `Map`, each insert and lookup hashed the
 * key, probed a table in the garbage-collected heap and wrote a young person into it (a remembered
 * slot for the next scavenge), and the table was copied each time it grew: about 40 % of the
 * grouping. Here a lookup reads a pair of numbers per probe and compares strings only when the
 * 32-bit hashes are equal. (A property test compares with a `Map`.)
 */
export class IdIndex {
  /** Pairs: the key's hash at 2s, the person's number + 1 at 2s + 1 (0: empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** A table for at most `capacity` distinct keys (filled to at most two thirds). */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 1.5) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /**
   * The number of the person whose key is `key`, or -1; `keyOf(n)` gives the key of person `n`
   * (called only when the hashes are equal). `hash` must be `idHash(key)`.
   */
  find(key: string, hash: number, keyOf: (person: number) => string): number {
    const slots = this.slots;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1];
      if (entry === 0) return -1;
      if (slots[2 * s] === hash && keyOf(entry - 1) === key) return entry - 1;
    }
  }

  /** Records person `person` under a key not yet in the table, with `hash = idHash(key)`. */
  insert(hash: number, person: number): void {
    const slots = this.slots;
    let s = hash & this.mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = person + 1;
  }
}

/** A 32-bit hash of a text (FNV-1a over its UTF-16 code units, then mixed so the low bits vary). */
export function idHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Values by a pair of non-negative integers (a commune's number and a name's number): an
 * open-addressing hash table over one `Int32Array` of (a, b, value + 1) triples that doubles when
 * half full. No key string is compared or hashed per lookup: the caller numbers each distinct key
 * text once. (A property test compares with a `Map`.)
 */
export class PairIndex {
  private slots = new Int32Array(3 * 1024);
  private mask = 1023;
  private size = 0;

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    for (let s = pairHash(a, b) & this.mask; ; s = (s + 1) & this.mask) {
      const value = slots[3 * s + 2];
      if (value === 0) return -1;
      if (slots[3 * s] === a && slots[3 * s + 1] === b) return value - 1;
    }
  }

  /** Stores a value (≥ 0) for a pair not yet in the table. */
  insert(a: number, b: number, value: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    this.place(a, b, value + 1);
    this.size++;
  }

  private place(a: number, b: number, stored: number): void {
    const slots = this.slots;
    let s = pairHash(a, b) & this.mask;
    while (slots[3 * s + 2] !== 0) s = (s + 1) & this.mask;
    slots[3 * s] = a;
    slots[3 * s + 1] = b;
    slots[3 * s + 2] = stored;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let i = 0; i < old.length; i += 3) if (old[i + 2] !== 0) this.place(old[i], old[i + 1], old[i + 2]);
  }
}

/** A 32-bit hash of a pair of integers, mixed so the low bits vary. */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
