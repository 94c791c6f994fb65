import { quoteSheetName } from "../../core/a1";
import { StyleTable } from "./styles";
import { SharedStrings, worksheetChunks, type WorksheetSpec } from "./sheet";
import { escapeXml } from "./xml";
import { concatBytes } from "../bytes";
import { ChunkPool } from "./xmlBytes";
import {
  feedChunks,
  packChunks,
  packEntry,
  zipPacked,
  zipPieces,
  type Checksum,
  type Deflater,
  type PackedEntry,
  type StreamingZip,
  type ZipEntry,
} from "./zip";

/** A worksheet added: its XML's chunks (`addSheet`), or packed once its deflate ends (`addSheetStreamed`). */
type AddedSheet = { readonly name: string } & (
  { readonly chunks: readonly Uint8Array[] } | { readonly packed: Promise<PackedEntry> }
);

/**
 * An .xlsx package being written: worksheets are turned into XML as they are added (so their rows
 * can be produced lazily and let go), with one style table and one shared-string table for the
 * workbook; `bytes` adds the workbook, styles, strings, relationships and content types and zips
 * them. No Node API: the deflater is given, whole-entry (`addSheet`, `bytes`) or chunk by chunk
 * (`addSheetStreamed`, `bytesStreamed`: each sheet deflated as its XML is written).
 */
export class XlsxPackage {
  readonly styles = new StyleTable();
  private readonly strings = new SharedStrings();
  private readonly sheets: AddedSheet[] = [];
  private readonly names: { readonly name: string; readonly sheet: number | null; readonly ref: string }[] =
    [];
  private readonly encoder = new TextEncoder();
  /** Buffers for the streamed sheets' XML chunks, given back as the deflater is done with them. */
  private readonly chunkPool = new ChunkPool();

  /** The names taken so far (sheet names are unique regardless of case). */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Adds a worksheet; returns its 0-based position. */
  addSheet(spec: WorksheetSpec): number {
    const chunks = [...worksheetChunks(spec, this.strings, this.sheets.length === 0)];
    this.sheets.push({ name: spec.name, chunks });
    return this.sheets.length - 1;
  }

  /**
   * Adds a worksheet, deflated by `zipper` chunk by chunk as its XML is written (another sheet
   * must not be added before this one's promise settles); resolves to its 0-based position once
   * its XML is written, while its last chunks may still be deflating (`bytesStreamed` waits for
   * them): the next sheet's XML is written meanwhile.
   */
  async addSheetStreamed(spec: WorksheetSpec, zipper: StreamingZip): Promise<number> {
    const at = this.sheets.length;
    const pool = this.chunkPool;
    const { packed } = await feedChunks(
      sheetPath(at),
      worksheetChunks(spec, this.strings, at === 0, pool.chunkBytes, pool),
      zipper,
      (chunk) => pool.give(chunk),
    );
    if (this.sheets.length !== at) throw new Error("addSheetStreamed: another sheet was added meanwhile");
    this.sheets.push({ name: spec.name, packed });
    return at;
  }

  /**
   * A defined name: `ref` is an A1 reference on the sheet `onSheet` (e.g. "$A$1:$H$30"),
   * `local`: the name belongs to that sheet (print area, print titles) instead of the workbook.
   */
  addName(name: string, onSheet: number, ref: string, local: boolean): void {
    this.names.push({
      name,
      sheet: local ? onSheet : null,
      ref: `${quoteSheetName(this.sheets[onSheet].name)}!${ref}`,
    });
  }

  /**
   * The .xlsx file's bytes; `checksum`: a faster CRC-32 where the platform has one. For sheets
   * added with `addSheet` only (a streamed sheet is finished by `bytesStreamed`).
   */
  bytes(deflate: Deflater, checksum?: Checksum): Uint8Array {
    const text = this.textParts();
    return zipPacked([
      ...text.map((e) => packEntry(e, deflate, checksum)),
      ...this.sheets.map((s, i) => {
        if ("packed" in s) throw new Error("bytes: a sheet added by addSheetStreamed needs bytesStreamed");
        return packEntry({ name: sheetPath(i), data: concatBytes(s.chunks) }, deflate, checksum);
      }),
    ]);
  }

  /** The .xlsx file's bytes, its remaining parts deflated by `zipper` (all at once). */
  async bytesStreamed(zipper: StreamingZip): Promise<Uint8Array> {
    return concatBytes(await this.piecesStreamed(zipper));
  }

  /** `bytesStreamed` in pieces, in order (for writing out without joining them first). */
  async piecesStreamed(zipper: StreamingZip): Promise<Uint8Array[]> {
    const text = this.textParts();
    const packed = await Promise.all([
      ...text.map((e) => packChunks(e.name, [e.data], zipper)),
      ...this.sheets.map((s, i) => ("packed" in s ? s.packed : packChunks(sheetPath(i), s.chunks, zipper))),
    ]);
    return zipPieces(packed);
  }

  /** The package's parts other than the worksheets, in the order they are zipped. */
  private textParts(): ZipEntry[] {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    const names = this.names
      .map(
        (n) =>
          `<definedName name="${escapeXml(n.name)}"${n.sheet === null ? "" : ` localSheetId="${n.sheet}"`}>${escapeXml(n.ref)}</definedName>`,
      )
      .join("");
    const workbook =
      `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr defaultThemeVersion="164011"/>` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews><sheets>' +
      this.sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      `</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
    const n = this.sheets.length;
    const workbookRels =
      `${xml}<Relationships xmlns="${pkgRel}">` +
      this.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>";
    const ct = "application/vnd.openxmlformats-officedocument";
    const contentTypes =
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      this.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>` +
      "</Types>";
    const rootRels =
      `${xml}<Relationships xmlns="${pkgRel}">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${pkgRel}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/extended-properties" Target="docProps/app.xml"/>` +
      "</Relationships>";
    const core =
      `${xml}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      "<dc:creator>nth-rollup</dc:creator></cp:coreProperties>";
    const app =
      `${xml}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      "<Application>Microsoft Excel</Application></Properties>";
    const text = (name: string, s: string): ZipEntry => ({ name, data: this.encoder.encode(s) });
    return [
      text("[Content_Types].xml", contentTypes),
      text("_rels/.rels", rootRels),
      text("docProps/core.xml", core),
      text("docProps/app.xml", app),
      text("xl/workbook.xml", workbook),
      text("xl/_rels/workbook.xml.rels", workbookRels),
      text("xl/styles.xml", this.styles.xml()),
      { name: "xl/sharedStrings.xml", data: this.strings.bytes() },
    ];
  }
}

const sheetPath = (i: number): string => `xl/worksheets/sheet${i + 1}.xml`;
