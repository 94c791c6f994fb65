import type { Prng } from "../common/prng";
import type { People, Person } from "./names";
import { decomposed, hasTonePlacementVariant, oldTonePlacement, type Cell } from "./sheets";

/**
 * How clerks record a village's "secretary is also head" status, varied the way real sheets vary:
 * the flag column typed in many ways, or the flag left blank and the two names compared (the same
 * name written with the other tone-mark placement, extra spaces, decomposed Unicode or in capitals).
 * Every village gets a definite status; a flag never contradicts the names.
 */

const YES_FLAGS: readonly Cell[] = ["x", "X", "Có", "có", true, 1, "TRUE"];
const NO_FLAGS: readonly Cell[] = ["Không", "không", false, 0, "FALSE"];

export interface Recorded {
  readonly secretary: Cell;
  readonly head: Cell;
  readonly consolidated: Cell;
  /** The person who is secretary (for office-holder rows). */
  readonly secretaryPerson: Person;
  readonly headPerson: Person;
}

/** The head's name written differently from the secretary's, though it is the same person. */
function sameNameVariant(rng: Prng, name: string): string {
  const variants = [
    (n: string) => n,
    (n: string) => `${n.replace(/ /g, "  ")} `,
    (n: string) => decomposed(n),
    (n: string) => n.toUpperCase(),
    (n: string) => ` ${n}`,
  ];
  if (hasTonePlacementVariant(name)) return oldTonePlacement(name);
  return rng.pick(variants)(name);
}

/**
 * One village's secretary, head and flag. `byFlag` chooses the flag column (else names only);
 * with a flag, the names are sometimes both written, sometimes only the secretary's.
 */
export function recordVillage(rng: Prng, people: People, consolidated: boolean, byFlag: boolean): Recorded {
  const secretaryPerson = people.next();
  const headPerson = consolidated ? secretaryPerson : people.next();
  if (byFlag) {
    const flag = rng.pick(consolidated ? YES_FLAGS : NO_FLAGS);
    const writeHead = rng.next() < 0.7;
    return {
      secretary: secretaryPerson.name,
      head: writeHead ? (consolidated ? secretaryPerson.name : headPerson.name) : undefined,
      consolidated: flag,
      secretaryPerson,
      headPerson,
    };
  }
  return {
    secretary: secretaryPerson.name,
    head: consolidated ? sameNameVariant(rng, secretaryPerson.name) : headPerson.name,
    consolidated: undefined,
    secretaryPerson,
    headPerson,
  };
}
