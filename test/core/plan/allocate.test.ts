import fc from "fast-check";
import { allocate, checkQuotas, type AllocationChild } from "../../../src/core/plan/allocate";
import { BINH_GIA } from "../../../scripts/samples/langSon";

const childArb = fc.record({
  capacity: fc.integer({ min: 0, max: 40 }),
  weight: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});
/** Children with unique keys, and a shortfall they can cover. */
const caseArb = fc.array(childArb, { minLength: 1, maxLength: 25 }).chain((raw) => {
  const children: AllocationChild[] = raw.map((c, i) => ({ key: `k${i}`, ...c }));
  const capacity = children.reduce((a, c) => a + c.capacity, 0);
  return fc.tuple(fc.constant(children), fc.integer({ min: 0, max: capacity }));
});

function quotasOf(needed: number, children: readonly AllocationChild[]): readonly number[] {
  const result = allocate(needed, children);
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  return result.quotas;
}

describe("allocate (exact quotas)", () => {
  it("quotas always sum exactly to the shortfall", () => {
    fc.assert(
      fc.property(caseArb, ([children, needed]) => {
        expect(quotasOf(needed, children).reduce((a, q) => a + q, 0)).toBe(needed);
      }),
      { numRuns: 500 },
    );
  });

  it("never gives a child more than its capacity, nor a negative or fractional quota", () => {
    fc.assert(
      fc.property(caseArb, ([children, needed]) => {
        quotasOf(needed, children).forEach((q, i) => {
          expect(Number.isInteger(q)).toBe(true);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(children[i].capacity);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("is stable under reordering the children (ties broken by key, not position)", () => {
    fc.assert(
      fc.property(
        caseArb.chain(([children, needed]) =>
          fc.tuple(
            fc.constant(children),
            fc.constant(needed),
            fc.shuffledSubarray(children, {
              minLength: children.length,
              maxLength: children.length,
            }),
          ),
        ),
        ([children, needed, shuffled]) => {
          const byKey = new Map<string, number>();
          quotasOf(needed, children).forEach((q, i) => byKey.set(children[i].key, q));
          quotasOf(needed, shuffled).forEach((q, i) => expect(q).toBe(byKey.get(shuffled[i].key)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives each child its exact share rounded up or down (largest remainder)", () => {
    fc.assert(
      fc.property(caseArb, ([children, needed]) => {
        const unweighted = children.map((c) => ({ key: c.key, capacity: c.capacity }));
        const quotas = quotasOf(needed, unweighted);
        const total = unweighted.reduce((a, c) => a + c.capacity, 0);
        if (total === 0) return;
        // Without caps binding (weights = capacities), each quota is within 1 of the exact share.
        quotas.forEach((q, i) => {
          const exact = (needed * unweighted[i].capacity) / total;
          expect(Math.abs(q - exact)).toBeLessThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a shortfall greater than what the children can do, with their capacity", () => {
    expect(
      allocate(10, [
        { key: "a", capacity: 4 },
        { key: "b", capacity: 5 },
      ]),
    ).toEqual({
      ok: false,
      reason: "infeasible",
      capacity: 9,
    });
    expect(allocate(-1, [{ key: "a", capacity: 4 }])).toMatchObject({ ok: false, reason: "invalid" });
    expect(allocate(1, [{ key: "a", capacity: 1.5 }])).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("redistributes what a capped child cannot take", () => {
    // Weights say a takes 9 of 10, but a can do only 3: b and c share the other 7 by their weights.
    const r = allocate(10, [
      { key: "a", capacity: 3, weight: 90 },
      { key: "b", capacity: 10, weight: 5 },
      { key: "c", capacity: 10, weight: 5 },
    ]);
    expect(r).toEqual({ ok: true, quotas: [3, 4, 3] });
  });

  it("Bình Gia: 61 villages split over its 19 communes in proportion to their 75 not consolidated", () => {
    const children = BINH_GIA.map((c) => ({ key: c.commune, capacity: c.villages - c.consolidated }));
    expect(children.reduce((a, c) => a + c.capacity, 0)).toBe(75);
    const quotas = quotasOf(61, children);
    // By hand: 61 × room / 75. Room 8 → 6.507 (6, remainder 38/75), 7 → 5.693 (5, 52), 6 → 4.88 (4, 66),
    // 5 → 4.067 (4, 5), 4 → 3.253 (3, 19), 3 → 2.44 (2, 33), 2 → 1.627 (1, 47). Floors: eleven
    // communes of room 3 × 2 + three of room 5 × 4 + 1 + 3 + 4 + 5 + 6 = 53; the 8 left go to the
    // largest remainders: room 6 (66), 7 (52), 2 (47), 8 (38), then four of the eleven room-3
    // communes (33 each, same room) in key order: Hoa Thám, Hoàng Văn Thụ, Hòa Bình, Hưng Đạo.
    const byName = new Map(BINH_GIA.map((c, i) => [c.commune, quotas[i]]));
    expect(byName.get("Tân Văn")).toBe(7); // room 8
    expect(byName.get("Hồng Phong")).toBe(6); // room 7
    expect(byName.get("Yên Lỗ")).toBe(5); // room 6
    expect(byName.get("Thiện Long")).toBe(2); // room 2
    expect(byName.get("Thị trấn Bình Gia")).toBe(4); // room 5
    expect(byName.get("Mông Ân")).toBe(3); // room 4
    for (const c of ["Hoa Thám", "Hoàng Văn Thụ", "Hòa Bình", "Hưng Đạo"]) expect(byName.get(c)).toBe(3);
    for (const c of [
      "Quý Hòa",
      "Thiện Thuật",
      "Thiện Hòa",
      "Hồng Thái",
      "Quang Trung",
      "Minh Khai",
      "Tân Hòa",
    ])
      expect(byName.get(c)).toBe(2);
    expect(quotas.reduce((a, q) => a + q, 0)).toBe(61);
  });
});

describe("checkQuotas (typed by the clerk)", () => {
  it("reports the difference from the shortfall and quotas above a child's capacity", () => {
    const children = [
      { key: "a", capacity: 3 },
      { key: "b", capacity: 5 },
    ];
    expect(checkQuotas(6, children, [4, 1])).toEqual({ difference: -1, overCapacity: [0] });
    expect(checkQuotas(6, children, [3, 3])).toEqual({ difference: 0, overCapacity: [] });
  });
});
