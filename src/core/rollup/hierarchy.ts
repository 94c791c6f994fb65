import { issue, type Issue } from "../issues";
import type { OfficeHolderRecord, VillageRecord } from "../model";
import { a1 } from "../a1";
import { unitKey } from "../text/normalize";
import type { UnitLevel } from "./types";

/** A unit of the tree while it is being built. */
export interface UnitNode {
  readonly id: string;
  readonly level: UnitLevel;
  readonly name: string;
  readonly province: string;
  readonly district: string | null;
  readonly commune: string | null;
  communeCode: string | null;
  readonly parentId: string | null;
  readonly childIds: string[];
}

/** Label of the district that rows without a district fall under in a province that has districts. */
export const NO_DISTRICT = "(Chưa ghi huyện)";
/** Label of the province of office-holders whose province is not written and cannot be inferred. */
export const NO_PROVINCE = "(Chưa ghi tỉnh)";

/**
 * The province → district → commune tree, built from the Villages rows (and extended by the
 * communes of office-holders). Districts are optional: a province whose rows have no district is
 * two-tier and its communes hang directly under it. A province that mixes both is reported.
 */
export class Hierarchy {
  readonly nodes = new Map<string, UnitNode>();
  readonly roots: string[] = [];
  /** Commune key → commune ids within a province, for matching rows that lack a district. */
  private readonly communesByProvince = new Map<string, Map<string, string[]>>();
  /** Province keys that have at least one district node. */
  private readonly provincesWithDistricts = new Set<string>();
  /** Commune ids by province key, district key ("" for none) and commune key. */
  private readonly communeIds = new Map<string, Map<string, Map<string, string>>>();
  /** The same ids by the names as written (province, district or "", commune): most rows repeat them. */
  private readonly communeIdsByText = new Map<string, Map<string, Map<string, string>>>();

  constructor(private readonly issues: Issue[]) {}

  /** Adds the villages' units; returns the commune id of each village, in order. */
  addVillages(villages: readonly VillageRecord[]): string[] {
    // Per province key: how many rows have a district; its first row without one, and how many.
    const withDistrict = new Map<string, { count: number }>();
    const withoutDistrict = new Map<string, { first: VillageRecord; count: number }>();
    let provinceText: string | null = null;
    let pk = "";
    // The two entries of the current province key (rows of a province follow each other: no lookup
    // per row), or undefined until it has one.
    let withRows: { count: number } | undefined;
    let withoutRows: { first: VillageRecord; count: number } | undefined;
    for (let i = 0; i < villages.length; i++) {
      const v = villages[i];
      if (v.province !== provinceText) {
        provinceText = v.province;
        pk = unitKey("province", v.province);
        withRows = withDistrict.get(pk);
        withoutRows = withoutDistrict.get(pk);
      }
      if (v.district) {
        if (withRows) withRows.count++;
        else withDistrict.set(pk, (withRows = { count: 1 }));
      } else if (withoutRows) withoutRows.count++;
      else withoutDistrict.set(pk, (withoutRows = { first: v, count: 1 }));
    }
    for (const [pk, rows] of withoutDistrict) {
      const count = withDistrict.get(pk)?.count;
      if (count) {
        const first = rows.first;
        this.issues.push(
          issue(
            "mixed-hierarchy",
            {
              file: first.source.file,
              sheet: first.source.sheet,
              cell: a1(
                first.row,
                first.source.columns.get("district") ?? first.source.columns.get("commune") ?? 1,
              ),
            },
            { province: first.province, withDistrict: count, withoutDistrict: rows.count },
          ),
        );
      }
    }
    // Rows with a district first, so that rows without one can be matched to a known commune.
    // Rows of one commune follow each other: a row with the previous row's names and code has its
    // commune (nothing changes the tree between two consecutive rows of one pass).
    const ids = new Array<string>(villages.length);
    let previous: VillageRecord | null = null;
    let lastId = "";
    const sameUnit = (v: VillageRecord): boolean =>
      previous !== null &&
      v.commune === previous.commune &&
      v.district === previous.district &&
      v.province === previous.province &&
      v.communeCode === previous.communeCode;
    // Each pass only when some row is of its kind (a two-tier country has no row with a district).
    if (withDistrict.size > 0)
      villages.forEach((v, i) => {
        if (!v.district) return;
        ids[i] = sameUnit(v) ? lastId : this.commune(v.province, v.district, v.commune, v.communeCode);
        lastId = ids[i];
        previous = v;
      });
    previous = null;
    if (withoutDistrict.size > 0)
      villages.forEach((v, i) => {
        if (v.district) return;
        if (sameUnit(v)) ids[i] = lastId;
        else {
          const mixed = withDistrict.has(unitKey("province", v.province));
          ids[i] = mixed
            ? (this.findCommune(v.province, v.commune) ??
              this.commune(v.province, NO_DISTRICT, v.commune, v.communeCode))
            : this.commune(v.province, null, v.commune, v.communeCode);
        }
        lastId = ids[i];
        previous = v;
      });
    return ids;
  }

  /**
   * The commune id of an office-holder: the commune of the same names if the tree has it, else
   * a new commune (reported once per commune: office-holders of a unit not in the Villages sheet).
   */
  communeOfOfficeHolder(h: OfficeHolderRecord, reported: Set<string>): string {
    const province = h.province ?? this.soleProvince() ?? NO_PROVINCE;
    if (!h.district || !this.hasDistricts(province)) {
      const found = this.findCommune(province, h.commune);
      if (found) return found;
    } else {
      const id = this.communeId(province, h.district, h.commune);
      if (this.nodes.has(id)) return id;
    }
    const id = this.commune(
      province,
      this.hasDistricts(province) ? (h.district ?? NO_DISTRICT) : h.district,
      h.commune,
      null,
    );
    if (!reported.has(id)) {
      reported.add(id);
      this.issues.push(
        issue(
          "unit-not-in-villages",
          {
            file: h.source.file,
            sheet: h.source.sheet,
            cell: a1(h.row, h.source.columns.get("commune") ?? 1),
          },
          { unit: h.commune },
        ),
      );
    }
    return id;
  }

  /**
   * `communeOfOfficeHolder` for the rows of a sheet, asked row by row in order (`communeOf(i)` for
   * i = 0, 1, …): the same ids, units and issues, with fewer lookups. A row's commune depends only
   * on its three names and the tree, and once a row has found or added its commune, the same names
   * find that commune again. So a row naming the previous row's units has its commune; and as
   * clerks spell one commune several ways down a sheet ("Kim Thái", "Xã Kim Thái", "KIM THÁI"),
   * the communes of the commune texts seen under the current province and district texts are kept
   * too, until a unit is added to the tree. (A property test compares with the plain calls.)
   */
  officeHolderCommunes(
    holders: readonly OfficeHolderRecord[],
    reported: Set<string>,
  ): (row: number) => string {
    let previous: OfficeHolderRecord | null = null;
    let previousCommune = "";
    const byCommuneText = new Map<string, string>();
    let textsProvince: string | null = null;
    let textsDistrict: string | null = null;
    let textsTreeSize = -1;
    return (row) => {
      const h = holders[row];
      if (
        previous === null ||
        h.commune !== previous.commune ||
        h.district !== previous.district ||
        h.province !== previous.province
      ) {
        if (h.province !== textsProvince || h.district !== textsDistrict) {
          byCommuneText.clear();
          textsProvince = h.province;
          textsDistrict = h.district;
        }
        const known = byCommuneText.get(h.commune);
        if (known === undefined) {
          previousCommune = this.communeOfOfficeHolder(h, reported);
          if (this.nodes.size !== textsTreeSize) {
            // A unit was added: what the other texts found may have changed.
            byCommuneText.clear();
            textsTreeSize = this.nodes.size;
          }
          byCommuneText.set(h.commune, previousCommune);
        } else previousCommune = known;
      }
      previous = h;
      return previousCommune;
    };
  }

  private soleProvince(): string | null {
    return this.roots.length === 1 ? this.nodes.get(this.roots[0])!.name : null;
  }

  private hasDistricts(province: string): boolean {
    return this.provincesWithDistricts.has(unitKey("province", province));
  }

  private findCommune(province: string, commune: string): string | null {
    const ids = this.communesByProvince.get(unitKey("province", province))?.get(unitKey("commune", commune));
    return ids && ids.length === 1 ? ids[0] : null;
  }

  /** The id of the commune with these names, built once per commune (ids are looked up per row). */
  private communeId(province: string, district: string | null, commune: string): string {
    // Names as written repeat on every row of a commune: three lookups instead of three unit keys
    // and three lookups. The id depends only on the three texts, so this cache cannot change it.
    let byDistrictText = this.communeIdsByText.get(province);
    if (!byDistrictText) {
      byDistrictText = new Map();
      this.communeIdsByText.set(province, byDistrictText);
    }
    const districtText = district ?? "";
    let byCommuneText = byDistrictText.get(districtText);
    if (!byCommuneText) {
      byCommuneText = new Map();
      byDistrictText.set(districtText, byCommuneText);
    }
    let known = byCommuneText.get(commune);
    if (known === undefined) {
      known = this.communeIdByKeys(province, district, commune);
      byCommuneText.set(commune, known);
    }
    return known;
  }

  private communeIdByKeys(province: string, district: string | null, commune: string): string {
    const pk = unitKey("province", province);
    const dk = district ? unitKey("district", district) : "";
    const ck = unitKey("commune", commune);
    let byDistrict = this.communeIds.get(pk);
    if (!byDistrict) {
      byDistrict = new Map();
      this.communeIds.set(pk, byDistrict);
    }
    let byCommune = byDistrict.get(dk);
    if (!byCommune) {
      byCommune = new Map();
      byDistrict.set(dk, byCommune);
    }
    let id = byCommune.get(ck);
    if (id === undefined) {
      id = [pk, dk, ck].join("/");
      byCommune.set(ck, id);
    }
    return id;
  }

  private commune(province: string, district: string | null, commune: string, code: string | null): string {
    // Most rows name a commune already in the tree: find it without building any string.
    const known = this.nodes.get(this.communeId(province, district, commune));
    if (known) {
      if (!known.communeCode && code) known.communeCode = code;
      return known.id;
    }
    const pk = unitKey("province", province);
    if (!this.nodes.has(pk)) {
      this.nodes.set(pk, {
        id: pk,
        level: "province",
        name: province,
        province,
        district: null,
        commune: null,
        communeCode: null,
        parentId: null,
        childIds: [],
      });
      this.roots.push(pk);
    }
    let parentId = pk;
    if (district) {
      const dk = `${pk}/${unitKey("district", district)}`;
      if (!this.nodes.has(dk)) {
        this.nodes.set(dk, {
          id: dk,
          level: "district",
          name: district,
          province: this.nodes.get(pk)!.name,
          district,
          commune: null,
          communeCode: null,
          parentId: pk,
          childIds: [],
        });
        this.nodes.get(pk)!.childIds.push(dk);
        this.provincesWithDistricts.add(pk);
      }
      parentId = dk;
    }
    const id = this.communeId(province, district, commune);
    let node = this.nodes.get(id);
    if (!node) {
      const parent = this.nodes.get(parentId)!;
      node = {
        id,
        level: "commune",
        name: commune,
        province: this.nodes.get(pk)!.name,
        district: parent.level === "district" ? parent.name : null,
        commune,
        communeCode: code,
        parentId,
        childIds: [],
      };
      this.nodes.set(id, node);
      parent.childIds.push(id);
      const byKey = this.communesByProvince.get(pk) ?? new Map<string, string[]>();
      const ck = unitKey("commune", commune);
      byKey.set(ck, [...(byKey.get(ck) ?? []), id]);
      this.communesByProvince.set(pk, byKey);
    } else if (!node.communeCode && code) {
      node.communeCode = code;
    }
    return id;
  }

  /** Every node in tree order: a province, then each district followed by its communes. */
  inTreeOrder(): UnitNode[] {
    const out: UnitNode[] = [];
    const visit = (id: string): void => {
      const node = this.nodes.get(id)!;
      out.push(node);
      node.childIds.forEach(visit);
    };
    this.roots.forEach(visit);
    return out;
  }

  /** The ancestors of a node, nearest first, not including the node. */
  ancestors(id: string): string[] {
    const out: string[] = [];
    let parent = this.nodes.get(id)?.parentId ?? null;
    while (parent) {
      out.push(parent);
      parent = this.nodes.get(parent)!.parentId;
    }
    return out;
  }
}
