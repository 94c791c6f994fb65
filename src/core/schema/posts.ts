import { foldKey } from "../text/normalize";

/**
 * The posts the add-in knows, with the spellings and abbreviations clerks use (BTĐU, PBT TT,
 * CT UBND, BTCB, TBCTMT, TT/TB…). A cell "X kiêm Y" (or "X - Y", "X / Y", "X, Y", "X và Y",
 * "X + Y", "X cum Y") is both posts for one person. Matching is by `foldKey`, after dropping a
 * trailing unit word ("Bí thư Đảng ủy xã" = "Bí thư Đảng ủy").
 */
export type PostId =
  | "cellSecretary"
  | "cellDeputySecretary"
  | "villageHead"
  | "frontHead"
  | "communeSecretary"
  | "communeDeputySecretary"
  | "peoplesCommitteeChair"
  | "peoplesCouncilChair";

export interface PostSpec {
  readonly id: PostId;
  readonly level: "village" | "commune";
  readonly vi: string;
  readonly en: string;
  readonly aliases: readonly string[];
}

export const POSTS: readonly PostSpec[] = [
  {
    id: "cellSecretary",
    level: "village",
    vi: "Bí thư chi bộ",
    en: "Cell secretary",
    aliases: [
      "BTCB",
      "BT chi bộ",
      "Bí thư CB",
      "Bí thư chi bộ thôn",
      "Party cell secretary",
      "Village party secretary",
    ],
  },
  {
    id: "cellDeputySecretary",
    level: "village",
    vi: "Phó bí thư chi bộ",
    en: "Deputy cell secretary",
    aliases: ["PBTCB", "Phó BT chi bộ", "Phó bí thư CB", "Deputy party cell secretary"],
  },
  {
    id: "villageHead",
    level: "village",
    vi: "Trưởng thôn",
    en: "Village head",
    aliases: [
      "Trưởng bản",
      "Trưởng ấp",
      "Trưởng làng",
      "Trưởng xóm",
      "Trưởng khối",
      "Trưởng khối phố",
      "Trưởng khu phố",
      "Trưởng khu",
      "Tổ trưởng tổ dân phố",
      "Tổ trưởng TDP",
      "Tổ trưởng dân phố",
      "Trưởng tổ dân phố",
      "Tổ trưởng",
      "TT",
      "TT/TB",
      "Trưởng thôn/bản",
      "Trưởng thôn/Tổ trưởng",
      "Head of village",
      "Residential group head",
    ],
  },
  {
    id: "frontHead",
    level: "village",
    vi: "Trưởng ban công tác Mặt trận",
    en: "Front committee head",
    aliases: [
      "Trưởng ban CTMT",
      "TBCTMT",
      "TBMT",
      "Trưởng ban CTMTTQ",
      "Trưởng ban công tác MTTQ",
      "Trưởng ban công tác MT",
      "Trưởng ban Mặt trận",
      "Trưởng ban MT",
      "Front work committee head",
    ],
  },
  {
    id: "communeSecretary",
    level: "commune",
    vi: "Bí thư đảng ủy",
    en: "Commune party secretary",
    aliases: [
      "Bí thư Đảng ủy xã",
      "Bí thư ĐU",
      "BTĐU",
      "BT Đảng ủy",
      "Bí thư Đảng bộ",
      "Party committee secretary",
    ],
  },
  {
    id: "communeDeputySecretary",
    level: "commune",
    vi: "Phó bí thư đảng ủy",
    en: "Deputy commune party secretary",
    aliases: [
      "Phó bí thư thường trực đảng ủy",
      "Phó bí thư thường trực",
      "Phó bí thư ĐU",
      "PBT ĐU",
      "Phó BT ĐU",
      "PBT TT",
      "PBT thường trực",
      "Phó BT thường trực",
      "Phó bí thư TT",
      "Deputy party committee secretary",
    ],
  },
  {
    id: "peoplesCommitteeChair",
    level: "commune",
    vi: "Chủ tịch UBND",
    en: "People's Committee chair",
    aliases: [
      "Chủ tịch Ủy ban nhân dân",
      "Chủ tịch Uỷ ban nhân dân",
      "CT UBND",
      "Chủ tịch UB",
      "CT UB",
      "People's Committee chairman",
    ],
  },
  {
    id: "peoplesCouncilChair",
    level: "commune",
    vi: "Chủ tịch HĐND",
    en: "People's Council chair",
    aliases: ["Chủ tịch Hội đồng nhân dân", "CT HĐND", "Chủ tịch HĐ", "People's Council chairman"],
  },
];

const TRAILING_UNIT_WORDS = [
  "xa",
  "phuong",
  "thitran",
  "dackhu",
  "thon",
  "ban",
  "to",
  "khoipho",
  "khupho",
].sort((a, b) => b.length - a.length);

const postIndex = new Map<string, PostId>();
for (const post of POSTS) {
  for (const name of [post.vi, post.en, ...post.aliases]) postIndex.set(foldKey(name), post.id);
}

function lookupPart(part: string): PostId | null {
  const key = foldKey(part);
  if (!key) return null;
  const direct = postIndex.get(key);
  if (direct) return direct;
  for (const word of TRAILING_UNIT_WORDS) {
    if (key.endsWith(word) && postIndex.has(key.slice(0, -word.length)))
      return postIndex.get(key.slice(0, -word.length))!;
  }
  return null;
}

/** "Bí thư" alone means the cell secretary in a village row and the party secretary in a commune row. */
const BARE_SECRETARY = new Set(["bithu", "bt", "secretary"]);
const BARE_DEPUTY = new Set(["phobithu", "pbt", "phobt", "deputysecretary"]);

export type PostParse = { readonly posts: readonly PostId[]; readonly unknown: readonly string[] };

/**
 * Splits a post cell into posts. `atVillage` tells whether the row names a village (resolves a bare
 * "Bí thư"). Unknown parts are returned as written so the reader can report them.
 */
export function parsePosts(text: string, atVillage: boolean): PostParse {
  const parts = text
    .normalize("NFC")
    .split(/\s+(?:kiêm|kiem|cum|đồng thời là|dong thoi la|and|và)\s+|[,;+\n]|\s*[-–—]\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const posts: PostId[] = [];
  const unknown: string[] = [];
  const add = (id: PostId): void => {
    if (!posts.includes(id)) posts.push(id);
  };
  for (const part of parts) {
    const id = lookupPost(part, atVillage);
    if (id) {
      add(id);
      continue;
    }
    // "BTCB/TT": a slash between two posts, unless the whole is one post ("TT/TB", "Trưởng thôn/bản").
    const pieces = part.includes("/") ? part.split("/").map((p) => lookupPost(p, atVillage)) : [];
    if (pieces.length > 1 && pieces.every((p) => p !== null)) pieces.forEach((p) => add(p!));
    else unknown.push(part);
  }
  return { posts, unknown };
}

function lookupPost(part: string, atVillage: boolean): PostId | null {
  const key = foldKey(part);
  if (BARE_SECRETARY.has(key)) return atVillage ? "cellSecretary" : "communeSecretary";
  if (BARE_DEPUTY.has(key)) return atVillage ? "cellDeputySecretary" : "communeDeputySecretary";
  return lookupPart(part);
}

export function postSpec(id: PostId): PostSpec {
  return POSTS.find((p) => p.id === id)!;
}
