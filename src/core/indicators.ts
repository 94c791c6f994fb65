/**
 * The indicators, as data: each counts a numerator and a denominator over one kind of entity,
 * and a unit's value is the sum over the entities under it (a rate is never an average of rates).
 */

/** What an indicator counts over. */
export type EntityKind = "village" | "commune" | "secretary";

/** The facts about one village that indicators count. `null` = unknown (counts as "no"). */
export interface VillageFacts {
  readonly secretaryIsHead: boolean | null;
  readonly secretaryIsFrontHead: boolean | null;
  readonly hasOwnCell: boolean | null;
  readonly partyMembers: number | null;
}

/**
 * The facts about one commune's leadership. `null` = the data has no commune-level office-holders for
 * this commune: it is then left out of the denominator rather than counted as "no".
 */
export interface CommuneFacts {
  readonly secretaryIsCommitteeChair: boolean | null;
  readonly secretaryIsCouncilChair: boolean | null;
  readonly deputyIsCouncilChair: boolean | null;
}

/** The facts about one village party-cell secretary. */
export interface SecretaryFacts {
  readonly educationYears: number | null;
  readonly theoryAtLeastSoCap: boolean | null;
  readonly trained: boolean | null;
  readonly professionalAtLeastTrungCap: boolean | null;
  readonly universityOrHigher: boolean | null;
  readonly female: boolean | null;
  readonly ethnicMinority: boolean | null;
  readonly age: number | null;
}

interface FactsOf {
  village: VillageFacts;
  commune: CommuneFacts;
  secretary: SecretaryFacts;
}

export interface IndicatorSpec<E extends EntityKind = EntityKind> {
  readonly id: string;
  readonly entity: E;
  /** "proportion": numerator ≤ denominator, shown as a percent; "ratio": any non-negative value. */
  readonly kind: "proportion" | "ratio";
  readonly vi: string;
  readonly en: string;
  /** Short column label for report tables. */
  readonly shortVi: string;
  readonly shortEn: string;
  readonly numerator: (facts: FactsOf[E]) => number;
  readonly denominator: (facts: FactsOf[E]) => number;
}

const yes = (b: boolean | null): number => (b === true ? 1 : 0);
const one = (): number => 1;
const known = (b: boolean | null): number => (b === null ? 0 : 1);

function indicator<E extends EntityKind>(spec: IndicatorSpec<E>): IndicatorSpec<E> {
  return spec;
}

export const INDICATORS = [
  indicator({
    id: "village_secretary_head",
    entity: "village",
    kind: "proportion",
    vi: "Bí thư chi bộ kiêm trưởng thôn, tổ dân phố",
    en: "Village cell secretary is also village head",
    shortVi: "Bí thư kiêm trưởng thôn",
    shortEn: "Secretary also head",
    numerator: (v) => yes(v.secretaryIsHead),
    denominator: one,
  }),
  indicator({
    id: "village_secretary_front",
    entity: "village",
    kind: "proportion",
    vi: "Bí thư chi bộ kiêm trưởng ban công tác Mặt trận",
    en: "Village cell secretary is also Front committee head",
    shortVi: "Bí thư kiêm trưởng ban CTMT",
    shortEn: "Secretary also Front head",
    numerator: (v) => yes(v.secretaryIsFrontHead),
    // Many sheets have no Front committee data at all; unknown villages are left out, not counted as "no".
    denominator: (v) => known(v.secretaryIsFrontHead),
  }),
  indicator({
    id: "commune_secretary_committee_chair",
    entity: "commune",
    kind: "proportion",
    vi: "Bí thư đảng ủy kiêm chủ tịch UBND",
    en: "Commune party secretary is also People's Committee chair",
    shortVi: "Bí thư kiêm CT UBND",
    shortEn: "Secretary also PC chair",
    numerator: (c) => yes(c.secretaryIsCommitteeChair),
    denominator: (c) => known(c.secretaryIsCommitteeChair),
  }),
  indicator({
    id: "commune_secretary_council_chair",
    entity: "commune",
    kind: "proportion",
    vi: "Bí thư đảng ủy kiêm chủ tịch HĐND",
    en: "Commune party secretary is also People's Council chair",
    shortVi: "Bí thư kiêm CT HĐND",
    shortEn: "Secretary also council chair",
    numerator: (c) => yes(c.secretaryIsCouncilChair),
    denominator: (c) => known(c.secretaryIsCouncilChair),
  }),
  indicator({
    id: "commune_deputy_council_chair",
    entity: "commune",
    kind: "proportion",
    vi: "Phó bí thư đảng ủy kiêm chủ tịch HĐND",
    en: "Commune deputy secretary is also People's Council chair",
    shortVi: "Phó bí thư kiêm CT HĐND",
    shortEn: "Deputy also council chair",
    numerator: (c) => yes(c.deputyIsCouncilChair),
    denominator: (c) => known(c.deputyIsCouncilChair),
  }),
  indicator({
    id: "secretary_education_12",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ có trình độ văn hóa 12/12",
    en: "Cell secretaries with upper-secondary education (12/12)",
    shortVi: "Văn hóa 12/12",
    shortEn: "Education 12/12",
    numerator: (s) => (s.educationYears !== null && s.educationYears >= 12 ? 1 : 0),
    denominator: one,
  }),
  indicator({
    id: "secretary_theory",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ có lý luận chính trị từ sơ cấp trở lên",
    en: "Cell secretaries with political theory sơ cấp or higher",
    shortVi: "LLCT sơ cấp trở lên",
    shortEn: "Theory sơ cấp+",
    numerator: (s) => yes(s.theoryAtLeastSoCap),
    denominator: one,
  }),
  indicator({
    id: "secretary_trained",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ đã bồi dưỡng nghiệp vụ công tác Đảng",
    en: "Cell secretaries trained in party work",
    shortVi: "Đã bồi dưỡng nghiệp vụ",
    shortEn: "Trained",
    numerator: (s) => yes(s.trained),
    denominator: one,
  }),
  indicator({
    id: "secretary_professional",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ có chuyên môn từ trung cấp trở lên",
    en: "Cell secretaries with professional qualification trung cấp or higher",
    shortVi: "Chuyên môn trung cấp trở lên",
    shortEn: "Professional trung cấp+",
    numerator: (s) => yes(s.professionalAtLeastTrungCap),
    denominator: one,
  }),
  indicator({
    id: "secretary_university",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ có trình độ đại học trở lên",
    en: "Cell secretaries with a university degree or higher",
    shortVi: "Đại học trở lên",
    shortEn: "University+",
    numerator: (s) => yes(s.universityOrHigher),
    denominator: one,
  }),
  indicator({
    id: "secretary_women",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ là nữ",
    en: "Cell secretaries who are women",
    shortVi: "Nữ",
    shortEn: "Women",
    numerator: (s) => yes(s.female),
    denominator: one,
  }),
  indicator({
    id: "secretary_minority",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ là người dân tộc thiểu số",
    en: "Cell secretaries from an ethnic minority",
    shortVi: "Dân tộc thiểu số",
    shortEn: "Ethnic minority",
    numerator: (s) => yes(s.ethnicMinority),
    denominator: one,
  }),
  indicator({
    id: "secretary_under_40",
    entity: "secretary",
    kind: "proportion",
    vi: "Bí thư chi bộ dưới 40 tuổi",
    en: "Cell secretaries under 40",
    shortVi: "Dưới 40 tuổi",
    shortEn: "Under 40",
    numerator: (s) => (s.age !== null && s.age < 40 ? 1 : 0),
    denominator: one,
  }),
  indicator({
    id: "villages_own_cell",
    entity: "village",
    kind: "proportion",
    vi: "Thôn, tổ dân phố có chi bộ riêng",
    en: "Villages with their own party cell",
    shortVi: "Có chi bộ riêng",
    shortEn: "Own party cell",
    numerator: (v) => yes(v.hasOwnCell),
    denominator: one,
  }),
  indicator({
    id: "small_cells",
    entity: "village",
    kind: "proportion",
    vi: "Chi bộ thôn có dưới 3 đảng viên",
    en: "Village party cells with fewer than 3 members",
    shortVi: "Chi bộ dưới 3 đảng viên",
    shortEn: "Cells under 3 members",
    numerator: (v) => (v.hasOwnCell === true && v.partyMembers !== null && v.partyMembers < 3 ? 1 : 0),
    denominator: (v) => (v.hasOwnCell === true ? 1 : 0),
  }),
  indicator({
    id: "members_per_cell",
    entity: "village",
    kind: "ratio",
    vi: "Số đảng viên bình quân mỗi chi bộ thôn",
    en: "Party members per village cell",
    shortVi: "Đảng viên / chi bộ",
    shortEn: "Members per cell",
    numerator: (v) => (v.hasOwnCell === true ? (v.partyMembers ?? 0) : 0),
    denominator: (v) => (v.hasOwnCell === true ? 1 : 0),
  }),
  indicator({
    id: "village_secretary_head_or_front",
    entity: "village",
    kind: "proportion",
    vi: "Bí thư chi bộ kiêm trưởng thôn hoặc trưởng ban công tác Mặt trận",
    en: "Village cell secretary is also village head or Front committee head",
    shortVi: "Bí thư kiêm trưởng thôn hoặc trưởng ban CTMT",
    shortEn: "Secretary also head or Front head",
    // Nghị định 33/2023/NĐ-CP, Điều 33 khoản 6 encourages either pairing; over every village, as the main indicator.
    numerator: (v) => (v.secretaryIsHead === true || v.secretaryIsFrontHead === true ? 1 : 0),
    denominator: one,
  }),
] as const;

export type IndicatorId = (typeof INDICATORS)[number]["id"];

/** The main indicator of the product: village cell secretary also village head. */
export const MAIN_INDICATOR: IndicatorId = "village_secretary_head";

const byId = new Map<string, IndicatorSpec>(INDICATORS.map((i) => [i.id, i as unknown as IndicatorSpec]));

export function indicatorSpec(id: IndicatorId): IndicatorSpec {
  return byId.get(id)!;
}

export function isIndicatorId(id: string): id is IndicatorId {
  return byId.has(id);
}

/**
 * Other ways clerks name an indicator in the Targets sheet, besides its id and its four labels.
 * Matched after `foldKey` (case, diacritics, spaces and punctuation ignored), with or without a
 * leading "Tỷ lệ" and a trailing ", tổ dân phố".
 */
export const INDICATOR_ALIASES: Readonly<Partial<Record<IndicatorId, readonly string[]>>> = {
  village_secretary_head: [
    "Bí thư chi bộ kiêm trưởng thôn",
    "Bí thư chi bộ đồng thời là trưởng thôn",
    "Bí thư chi bộ kiêm trưởng thôn, bản, tổ dân phố",
    "BT kiêm TT",
    "BTCB kiêm TT",
    "BTCB kiêm trưởng thôn",
    "Nhất thể hóa",
    "Nhất thể hóa bí thư chi bộ và trưởng thôn",
    "NTH",
    "Secretary is also head",
  ],
  village_secretary_front: [
    "Bí thư chi bộ kiêm trưởng ban CTMT",
    "Bí thư chi bộ kiêm trưởng ban công tác Mặt trận thôn",
    "BT kiêm TBCTMT",
    "BTCB kiêm TBCTMT",
    "Bí thư kiêm trưởng ban công tác Mặt trận",
  ],
  commune_secretary_committee_chair: [
    "Bí thư kiêm chủ tịch UBND",
    "Bí thư đảng ủy đồng thời là chủ tịch UBND",
    "BT kiêm CT UBND",
    "BTĐU kiêm CT UBND",
    "Bí thư đảng ủy kiêm chủ tịch Ủy ban nhân dân",
  ],
  commune_secretary_council_chair: [
    "Bí thư kiêm chủ tịch HĐND",
    "BT kiêm CT HĐND",
    "BTĐU kiêm CT HĐND",
    "Bí thư đảng ủy kiêm chủ tịch Hội đồng nhân dân",
  ],
  commune_deputy_council_chair: [
    "Phó bí thư kiêm chủ tịch HĐND",
    "PBT kiêm CT HĐND",
    "PBTĐU kiêm CT HĐND",
    "Phó bí thư đảng ủy kiêm chủ tịch Hội đồng nhân dân",
  ],
};
