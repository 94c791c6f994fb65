import type { CellStyle } from "../../report/description";
import { escapeXml } from "./xml";

/**
 * The styles part of an .xlsx package (xl/styles.xml), built as cells ask for styles: each distinct
 * cell style becomes one cell format (`xf`) made of a font, a fill, a border, a number format and
 * an alignment, each shared. Conditional formats get differential formats (`dxf`). What a style
 * leaves out is not written, so Excel's defaults apply, as before with ExcelJS.
 */

/** A conditional format's look: fill, font colour, bold. */
export interface DifferentialStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Number formats every Excel knows by id; others are written into the file from id 164 on. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "mm-dd-yy": 14,
  "h:mm": 20,
  "h:mm:ss": 21,
  "@": 49,
};

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

export class StyleTable {
  private readonly fonts: string[] = [DEFAULT_FONT];
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders: string[] = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly numberFormats: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly index = new Map<string, number>();

  private intern(list: string[], kind: string, xml: string): number {
    const key = `${kind}\u0000${xml}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(xml);
      this.index.set(key, i);
    }
    return i;
  }

  /** The id of a number format code (a built-in id, or one added from 164). */
  numberFormatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    return 164 + this.intern(this.numberFormats, "numFmt", code);
  }

  /** The `s` index of a cell style (0: no style). */
  cellStyle(style: CellStyle): number {
    const f = style.font;
    let fontId = 0;
    if (f && Object.keys(f).length > 0) {
      const font =
        (f.bold ? "<b/>" : "") +
        (f.italic ? "<i/>" : "") +
        (f.underline ? "<u/>" : "") +
        (f.size !== undefined ? `<sz val="${f.size}"/>` : "") +
        (f.color !== undefined ? `<color rgb="${argb(f.color)}"/>` : "") +
        (f.name !== undefined ? `<name val="${escapeXml(f.name)}"/>` : "");
      fontId = this.intern(this.fonts, "font", `<font>${font}</font>`);
    }
    const fillId =
      style.fill === undefined
        ? 0
        : this.intern(
            this.fills,
            "fill",
            `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          );
    const borderId =
      style.border === undefined
        ? 0
        : this.intern(
            this.borders,
            "border",
            `<border>${["left", "right", "top", "bottom"].map((e) => `<${e} style="${style.border}"/>`).join("")}<diagonal/></border>`,
          );
    const numFmtId = style.numberFormat === undefined ? 0 : this.numberFormatId(style.numberFormat);
    const alignment =
      (style.horizontal !== undefined ? ` horizontal="${style.horizontal}"` : "") +
      (style.vertical !== undefined ? ` vertical="${style.vertical}"` : "") +
      (style.wrap ? ' wrapText="1"' : "") +
      (style.indent ? ` indent="${style.indent}"` : "");
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : "/>");
    return this.intern(this.xfs, "xf", xf);
  }

  /** The `dxfId` of a conditional format's look. */
  differentialStyle(d: DifferentialStyle): number {
    const font =
      d.bold || d.fontColor
        ? `<font>${d.bold ? "<b/>" : ""}${d.fontColor ? `<color rgb="${argb(d.fontColor)}"/>` : ""}</font>`
        : "";
    const fill = d.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(d.fill)}"/></patternFill></fill>`
      : "";
    return this.intern(this.dxfs, "dxf", `<dxf>${font}${fill}</dxf>`);
  }

  /** xl/styles.xml. */
  xml(): string {
    const list = (tag: string, items: readonly string[]): string =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = this.numberFormats.map(
      (code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
