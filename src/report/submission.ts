import type { SheetGrid } from "../core/grid";
import type { Rollup } from "../core/rollup/types";
import { contentHash } from "../core/submission/contentHash";
import { MANIFEST_FORMAT_VERSION, type SubmissionManifest } from "../core/submission/manifest";
import { reportScope } from "./scope";

export interface ManifestOptions {
  /** The reporting period, as the clerk writes it ("Quý III/2025"). */
  readonly period: string;
  /** ISO time of the export, from the shell's clock. */
  readonly generatedAt: string;
  readonly addinVersion: string;
  /** The data sheets the submission carries, as they will be written: their content hash goes in the manifest. */
  readonly dataSheets: readonly SheetGrid[];
}

/**
 * The manifest of a submission made from this rollup: the submitting unit is the deepest unit that
 * holds all the data (the same unit the reports are made for); the totals are those of the rows the
 * submission carries; the content hash is that of its data sheets. Null when the data spans several provinces (no single unit submits it).
 */
export function submissionManifest(rollup: Rollup, options: ManifestOptions): SubmissionManifest | null {
  const scope = reportScope(rollup);
  if (scope.level === "total") return null;
  const unit = scope.unit;
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    unitName: unit.name,
    unitLevel: scope.level,
    province: unit.province,
    district: unit.district,
    commune: unit.commune,
    period: options.period,
    generatedAt: options.generatedAt,
    villages: rollup.total.villages,
    consolidated: rollup.total.consolidated,
    addinVersion: options.addinVersion,
    contentHash: contentHash(options.dataSheets),
  };
}
