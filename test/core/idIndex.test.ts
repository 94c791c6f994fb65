import fc from "fast-check";
import { IdIndex, idHash } from "../../src/core/rollup/idIndex";

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
