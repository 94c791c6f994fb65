import fc from "fast-check";
import type { OfficeHolderRecord } from "../../src/core/model";
import {
  groupPeople,
  holdersOf,
  oneHoldsBoth,
  personIdKey,
  postBit,
  villagePosts,
} from "../../src/core/rollup/people";
import { postSpec, type PostId } from "../../src/core/schema/posts";
import { nameKey } from "../../src/core/text/normalize";
import { personKey } from "../../src/core/text/personName";

/**
 * The plain definition of the grouping: a person is the same ID (trimmed, upper case), or without
 * an ID the same name key in the same commune; posts each once in order of first appearance; the
 * village posts by commune and village key. Persons are compared by the indices of their rows.
 */
function plainGrouping(holders: readonly OfficeHolderRecord[], communeIds: readonly string[]) {
  const keyOf = (h: OfficeHolderRecord, i: number): string =>
    h.personId ? `id:${h.personId.trim().toUpperCase()}` : `name:${communeIds[i]}|${personKey(h.fullName)}`;
  const persons = new Map<string, { communeId: string; name: string; posts: PostId[]; rows: number[] }>();
  const villages = new Map<string, Map<PostId, string[]>>();
  holders.forEach((h, i) => {
    const key = keyOf(h, i);
    let p = persons.get(key);
    if (!p) {
      p = { communeId: communeIds[i], name: h.fullName, posts: [], rows: [] };
      persons.set(key, p);
    }
    p.rows.push(i);
    for (const post of h.posts) {
      if (!p.posts.includes(post)) p.posts.push(post);
      if (!h.village || postSpec(post).level !== "village") continue;
      const place = `${communeIds[i]}|${nameKey(h.village)}`;
      const byPost = villages.get(place) ?? new Map<PostId, string[]>();
      villages.set(place, byPost);
      const list = byPost.get(post) ?? [];
      if (!list.includes(key)) list.push(key);
      byPost.set(post, list);
    }
  });
  return { persons, villages, keyOf };
}

describe("grouping office-holders into persons", () => {
  const posts: PostId[] = [
    "cellSecretary",
    "villageHead",
    "frontHead",
    "cellDeputySecretary",
    "communeSecretary",
  ];
  const holderArb = fc.record({
    fullName: fc.constantFrom(
      "Hoàng Văn An",
      "Đ/c Hoàng Văn An",
      "hoàng  văn an",
      "Vi Thị Cúc",
      "Lò Văn Bốn",
    ),
    posts: fc.array(fc.constantFrom(...posts), { minLength: 1, maxLength: 3 }),
    village: fc.constantFrom(null, "Thôn 1", "thôn  1", "Thôn 2"),
    personId: fc.constantFrom(null, null, "CB01", " cb01 ", "CB02"),
    communeId: fc.constantFrom("a/x", "a/y", "b/x"),
    birthYear: fc.constantFrom(null, 1970, 1981),
    gender: fc.constantFrom(null, "male", "female"),
  });

  it("gives the persons and village posts of the plain definition, rows in any order", () => {
    fc.assert(
      fc.property(fc.array(holderArb, { maxLength: 40 }), (rows) => {
        const holders = rows.map((r) => ({ ...r, commune: r.communeId }) as unknown as OfficeHolderRecord);
        const communeIds = rows.map((r) => r.communeId);
        const people = groupPeople(holders, (i) => communeIds[i]);
        const plain = plainGrouping(holders, communeIds);
        const rowsOf = (p: number): number[] => people.records(p).map((r) => holders.indexOf(r));
        const keyOfPerson = (p: number): string =>
          plain.keyOf(people.first(p), holders.indexOf(people.first(p)));
        const persons = Array.from({ length: people.count }, (_, p) => p);
        expect(
          persons.map((p) => ({
            communeId: people.communeId(p),
            name: people.name(p),
            posts: posts.filter((post) => people.holds(p, post)),
            rows: rowsOf(p),
          })),
        ).toEqual(
          [...plain.persons.values()].map((p) => ({
            ...p,
            posts: posts.filter((post) => p.posts.includes(post)),
          })),
        );
        for (const p of persons) {
          expect(people.posts(p)).toBe(
            plain.persons.get(keyOfPerson(p))!.posts.reduce((b, q) => b | postBit(q), 0),
          );
          expect(people.hasOneRow(p)).toBe(rowsOf(p).length === 1);
          for (const key of ["birthYear", "gender", "personId"] as const)
            expect(people.firstOf(p, key)).toBe(
              people.records(p).find((r) => r[key] !== null)?.[key] ?? null,
            );
        }
        // Persons per commune, in order of first appearance; communes in order of their first person.
        expect([...people.byCommune.keys()]).toEqual([
          ...new Set([...plain.persons.values()].map((p) => p.communeId)),
        ]);
        for (const [communeId, list] of people.byCommune) {
          expect([...list].map(rowsOf)).toEqual(
            [...plain.persons.values()].filter((p) => p.communeId === communeId).map((p) => p.rows),
          );
        }
        // Villages with a second holder of a post: communes in order of their first village, villages
        // in order within a commune.
        const plainOrder = new Map<string, string[]>();
        for (const [place, byPost] of plain.villages) {
          const three = ["cellSecretary", "villageHead", "frontHead"] as const;
          if (!three.some((post) => (byPost.get(post)?.length ?? 0) > 1)) continue;
          const communeId = place.slice(0, place.indexOf("|"));
          plainOrder.set(communeId, [...(plainOrder.get(communeId) ?? []), place]);
        }
        const firstVillageOf = new Map<string, number>();
        [...plain.villages.keys()].forEach((place, i) => {
          const communeId = place.slice(0, place.indexOf("|"));
          if (!firstVillageOf.has(communeId)) firstVillageOf.set(communeId, i);
        });
        const expectedOrder = [...plainOrder]
          .sort((a, b) => firstVillageOf.get(a[0])! - firstVillageOf.get(b[0])!)
          .flatMap(([communeId, places]) =>
            places.map((place) => [communeId, plain.villages.get(place)!.get("cellSecretary") ?? []]),
          );
        expect(
          people.villages
            .withOthers()
            .map(({ communeId, posts }) => [communeId, holdersOf(posts, "cellSecretary").map(keyOfPerson)]),
        ).toEqual(expectedOrder);
        // Village posts: the same holders of each post, in order.
        for (const h of holders) {
          const i = holders.indexOf(h);
          if (!h.village) continue;
          const found = villagePosts(people, communeIds[i], h.village);
          const expected = plain.villages.get(`${communeIds[i]}|${nameKey(h.village)}`);
          expect((found ? holdersOf(found, "cellSecretary") : []).map(keyOfPerson)).toEqual(
            expected?.get("cellSecretary") ?? [],
          );
          expect((found ? holdersOf(found, "villageHead") : []).map(keyOfPerson)).toEqual(
            expected?.get("villageHead") ?? [],
          );
          expect((found ? holdersOf(found, "frontHead") : []).map(keyOfPerson)).toEqual(
            expected?.get("frontHead") ?? [],
          );
          // One person holding both posts, as the lists say.
          if (found) {
            const sec = expected?.get("cellSecretary") ?? [];
            for (const other of ["villageHead", "frontHead"] as const) {
              const list = expected?.get(other) ?? [];
              expect(oneHoldsBoth(found, "cellSecretary", other)).toBe(sec.some((k) => list.includes(k)));
            }
          }
        }
        // Names as the Villages sheet may write them: as some row did, another spelling of one key, none.
        for (const communeId of ["a/x", "a/y", "b/x", "c/z"])
          for (const village of ["Thôn 1", "THÔN  1", "thôn 2", "Thôn 3"]) {
            const found = villagePosts(people, communeId, village);
            const expected = plain.villages.get(`${communeId}|${nameKey(village)}`);
            expect(found === undefined).toBe(expected === undefined);
            expect((found ? holdersOf(found, "villageHead") : []).map(keyOfPerson)).toEqual(
              expected?.get("villageHead") ?? [],
            );
          }
      }),
      { numRuns: 300 },
    );
  });

  it("keys a person ID as trimmed upper case, and an ID already so as itself", () => {
    const idPiece = fc.constantFrom(
      "CB",
      "cb",
      "0",
      "7",
      "-",
      "_",
      " ",
      "\t",
      "\u00a0",
      "\u3000",
      "ß",
      "đ",
      "Ư",
      "\u00ff",
      "~",
      "{",
    );
    const idText = fc.oneof(
      fc.array(idPiece, { maxLength: 8 }).map((p) => p.join("")),
      fc.string({ maxLength: 10 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    fc.assert(
      fc.property(idText, (id) => personIdKey(id) === id.trim().toUpperCase()),
      { numRuns: 3000 },
    );
    const plain = "CB0001234";
    expect(personIdKey(plain)).toBe(plain);
    // Every character alone and inside an ID, so each branch of the scan is compared.
    const wrong: number[] = [];
    for (let c = 0; c < 0x3100; c++) {
      const ch = String.fromCharCode(c);
      for (const id of [ch, `A${ch}1`]) if (personIdKey(id) !== id.trim().toUpperCase()) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
