import fc from "fast-check";
import { IdIndex, PairIndex, idHash } from "../../src/core/rollup/idIndex";

/** Numbers keys in order of first appearance through the index, as `groupPeople` does. */
function numberThroughIndex(keys: readonly string[], hash: (key: string) => number): number[] {
  const index = new IdIndex(keys.length);
  const keyOf: string[] = [];
  return keys.map((key) => {
    const h = hash(key);
    const found = index.find(key, h, (n) => keyOf[n]);
    if (found >= 0) return found;
    index.insert(h, keyOf.length);
    keyOf.push(key);
    return keyOf.length - 1;
  });
}

/** The plain definition: a `Map` from key to its number. */
function numberThroughMap(keys: readonly string[]): number[] {
  const numbers = new Map<string, number>();
  return keys.map((key) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  });
}

describe("IdIndex", () => {
  const key = fc.stringMatching(/^[A-C0-2đ ]{0,4}$/);

  it("numbers keys as a Map does", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), (keys) => {
        expect(numberThroughIndex(keys, idHash)).toEqual(numberThroughMap(keys));
      }),
      { numRuns: 300 },
    );
  });

  it("tells keys apart by their text when every hash is equal, and wraps around the table's end", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), fc.integer(), (keys, h) => {
        expect(numberThroughIndex(keys, () => h | 0)).toEqual(numberThroughMap(keys));
      }),
      { numRuns: 300 },
    );
  });

  it("stays correct filled to its capacity with distinct keys", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `CB${String(i).padStart(7, "0")}`);
    expect(numberThroughIndex(keys, idHash)).toEqual(numberThroughMap(keys));
  });
});

describe("PairIndex", () => {
  it("finds what was stored for each pair as a Map does, growing as it fills", () => {
    const pair = fc.tuple(fc.nat(40), fc.nat(40));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 3000 }), (pairs) => {
        const index = new PairIndex();
        const plain = new Map<string, number>();
        pairs.forEach(([a, b], i) => {
          const key = `${a},${b}`;
          expect(index.get(a, b)).toBe(plain.get(key) ?? -1);
          if (!plain.has(key)) {
            index.insert(a, b, i);
            plain.set(key, i);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it("tells apart pairs of large numbers", () => {
    const index = new PairIndex();
    const values = new Map<string, number>();
    for (let a = 0; a < 60; a++)
      for (let b = 0; b < 60; b++) {
        index.insert(a * 99991, b * 7919, values.size);
        values.set(`${a * 99991},${b * 7919}`, values.size);
      }
    for (const [key, value] of values) {
      const [a, b] = key.split(",").map(Number);
      expect(index.get(a, b)).toBe(value);
      expect(index.get(a, b + 1)).toBe(-1);
    }
  });
});
