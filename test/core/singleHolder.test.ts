import fc from "fast-check";
import { a1 } from "../../src/core/a1";
import { issue, type Issue } from "../../src/core/issues";
import type { OfficeHolderRecord } from "../../src/core/model";
import { groupPeople, holdersOf, type People } from "../../src/core/rollup/people";
import { reportPostsHeldTwice } from "../../src/core/rollup/singleHolder";
import { postSpec, type PostId } from "../../src/core/schema/posts";

/**
 * The plain definition of the warnings for a post held twice: for each commune and each of its
 * single-holder posts, every person holding it, counted one post at a time; then each village with
 * a second holder. `reportPostsHeldTwice` finds the communes' posts held twice in one pass by bits.
 */
function plainReport(people: People, communeName: (id: string) => string): Issue[] {
  const issues: Issue[] = [];
  const report = (holders: readonly number[], post: PostId, unit: string): void => {
    if (holders.length < 2) return;
    for (const person of holders) {
      const other = holders.find((p) => p !== person)!;
      for (const record of people.records(person)) {
        if (!record.posts.includes(post)) continue;
        issues.push(
          issue(
            "post-held-twice",
            {
              file: record.source.file,
              sheet: record.source.sheet,
              cell: a1(record.row, record.source.columns.get("post") ?? 1),
            },
            { post: postSpec(post).vi, unit, other: people.name(other) },
          ),
        );
      }
    }
  };
  for (const [communeId, persons] of people.byCommune) {
    for (const post of ["communeSecretary", "peoplesCommitteeChair", "peoplesCouncilChair"] as const) {
      const holders = [...persons].filter((p) => people.holds(p, post));
      if (holders.length > 1) report(holders, post, communeName(communeId));
    }
  }
  for (const { communeId, posts } of people.villages.withOthers()) {
    const village = posts.secretary >= 0 ? posts.secretary : posts.head >= 0 ? posts.head : posts.frontHead;
    const name = (village >= 0 ? people.records(village).find((r) => r.village) : undefined)?.village ?? "";
    const unit = `${name}, ${communeName(communeId)}`;
    report(holdersOf(posts, "cellSecretary"), "cellSecretary", unit);
    report(holdersOf(posts, "villageHead"), "villageHead", unit);
    report(holdersOf(posts, "frontHead"), "frontHead", unit);
  }
  return issues;
}

describe("reportPostsHeldTwice", () => {
  const posts: PostId[] = [
    "communeSecretary",
    "peoplesCommitteeChair",
    "peoplesCouncilChair",
    "communeDeputySecretary",
    "cellSecretary",
    "villageHead",
  ];
  const source = { file: "a.xlsx", sheet: "Cán bộ", columns: new Map([["post", 3]]) };
  const holderArb = fc.record({
    fullName: fc.constantFrom("Hoàng Văn An", "Vi Thị Cúc", "Lò Văn Bốn", "Lý Văn Dũng"),
    posts: fc.array(fc.constantFrom(...posts), { minLength: 1, maxLength: 3 }),
    village: fc.constantFrom(null, "Thôn 1", "Thôn 2"),
    personId: fc.constantFrom(null, null, "CB01", "CB02"),
    commune: fc.constantFrom("a/x", "a/y", "b/x"),
  });

  it("warns as the plain definition does, communes' posts counted one at a time", () => {
    fc.assert(
      fc.property(fc.array(holderArb, { maxLength: 40 }), (rows) => {
        const holders = rows.map((r, i) => ({ ...r, source, row: i + 2 }) as unknown as OfficeHolderRecord);
        const people = groupPeople(holders, (i) => holders[i].commune);
        const name = (id: string): string => `Xã ${id}`;
        const issues: Issue[] = [];
        reportPostsHeldTwice(people, name, issues);
        expect(issues).toEqual(plainReport(people, name));
      }),
      { numRuns: 500 },
    );
  });
});
