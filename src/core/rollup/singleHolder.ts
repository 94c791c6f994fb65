import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import type { OfficeHolderRecord } from "../model";
import { postSpec, type PostId } from "../schema/posts";
import { holdersOf, postBit, postBits, type People } from "./people";

/** Posts one person holds per unit: a second, different holder is a mistake or an old row left in. */
const COMMUNE_SINGLE: readonly PostId[] = [
  "communeSecretary",
  "peoplesCommitteeChair",
  "peoplesCouncilChair",
];
const COMMUNE_SINGLE_BITS = postBits(COMMUNE_SINGLE);

/**
 * Two different people in one single-holder post of one unit (two People's Committee chairs of one
 * commune, two secretaries of one village): a warning at every row of each holder naming that post,
 * so the clerk sees both.
 */
export function reportPostsHeldTwice(
  people: People,
  communeName: (communeId: string) => string,
  issues: Issue[],
): void {
  const report = (holders: readonly number[], post: PostId, unit: string): void => {
    if (holders.length < 2) return;
    for (const person of holders) {
      const other = holders.find((p) => p !== person)!;
      for (const record of people.records(person)) {
        if (!record.posts.includes(post)) continue;
        issues.push(
          issue("post-held-twice", placeOfPost(record), {
            post: postSpec(post).vi,
            unit,
            other: people.name(other),
          }),
        );
      }
    }
  };
  // Most units have one holder of each post: find first, in one pass over the commune's persons,
  // which posts two persons hold (by index: a `for … of` over each commune's persons, once per post,
  // made an iterator result per person, 10 MB in a country), and name the unit only when reporting.
  for (const [communeId, persons] of people.byCommune) {
    let held = 0;
    let heldTwice = 0;
    for (let i = 0; i < persons.length; i++) {
      const posts = people.posts(persons[i]) & COMMUNE_SINGLE_BITS;
      heldTwice |= held & posts;
      held |= posts;
    }
    if (heldTwice === 0) continue;
    for (const post of COMMUNE_SINGLE) {
      if ((heldTwice & postBit(post)) === 0) continue;
      report(
        [...persons].filter((p) => people.holds(p, post)),
        post,
        communeName(communeId),
      );
    }
  }
  // Only a village with a second holder of some post has anything to report.
  for (const { communeId, posts } of people.villages.withOthers()) {
    const village = posts.secretary >= 0 ? posts.secretary : posts.head >= 0 ? posts.head : posts.frontHead;
    const name = (village >= 0 ? people.records(village).find((r) => r.village) : undefined)?.village ?? "";
    const unit = `${name}, ${communeName(communeId)}`;
    report(holdersOf(posts, "cellSecretary"), "cellSecretary", unit);
    report(holdersOf(posts, "villageHead"), "villageHead", unit);
    report(holdersOf(posts, "frontHead"), "frontHead", unit);
  }
}

function placeOfPost(r: OfficeHolderRecord): { file: string; sheet: string; cell: string } {
  return {
    file: r.source.file,
    sheet: r.source.sheet,
    cell: a1(r.row, r.source.columns.get("post") ?? 1),
  };
}
