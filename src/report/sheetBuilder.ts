import {
  cellRange,
  type CellContent,
  type CellRange,
  type CellStyle,
  type ConditionalFill,
  type PrintSetup,
  type ReportId,
  type RowHeightRun,
  type SheetDescription,
  type StyleRun,
  type TablePlace,
} from "./description";

/** Collects a sheet description row by row; layouts use it, writers never see it. */
export class SheetBuilder {
  private readonly rows: CellContent[][] = [];
  private readonly styleRuns: StyleRun[] = [];
  private readonly mergeList: CellRange[] = [];
  private readonly heights = new Map<number, number>();
  private readonly fills: ConditionalFill[] = [];
  private autoFit: { first: number; last: number } | null = null;

  constructor(readonly columnCount: number) {}

  /** Number of rows so far (the last row used). */
  get lastRow(): number {
    return this.rows.length;
  }

  private ensure(row: number): CellContent[] {
    while (this.rows.length < row) this.rows.push(new Array<CellContent>(this.columnCount).fill(null));
    return this.rows[row - 1];
  }

  set(row: number, column: number, content: CellContent): void {
    if (column < 1 || column > this.columnCount)
      throw new Error(`column ${column} outside 1..${this.columnCount}`);
    this.ensure(row)[column - 1] = content;
  }

  /** Sets a whole row from column 1 (shorter arrays leave the rest blank). */
  setRow(row: number, contents: readonly CellContent[]): void {
    // The next row, given whole (most rows of a long table): a copy of it, not a blank row filled in.
    if (row === this.rows.length + 1 && contents.length === this.columnCount) {
      this.rows.push(contents.slice());
      return;
    }
    const target = this.ensure(row);
    for (let i = 0; i < contents.length; i++) target[i] = contents[i];
  }

  /**
   * `setRow` for a row array made for this sheet alone: the next row, whole, is kept as given
   * instead of copied (the caller must not change the array afterwards); any other row is set as
   * `setRow` does.
   */
  addRow(row: number, contents: CellContent[]): void {
    if (row === this.rows.length + 1 && contents.length === this.columnCount) this.rows.push(contents);
    else this.setRow(row, contents);
  }

  /** Makes sure the sheet has at least this many rows (blank rows count for the print area). */
  reserve(row: number): void {
    this.ensure(row);
  }

  style(range: CellRange, style: CellStyle): void {
    this.styleRuns.push({ range, style });
  }

  merge(range: CellRange): void {
    if (range.top === range.bottom && range.left === range.right) return;
    this.mergeList.push(range);
  }

  /** Puts content in the top-left of a range, merges the range, and styles it. */
  block(range: CellRange, content: CellContent, style?: CellStyle): void {
    this.set(range.top, range.left, content);
    this.merge(range);
    if (style) this.style(range, style);
  }

  /** The height set for a row (points), or undefined when it has the default height. */
  heightOf(row: number): number | undefined {
    return this.heights.get(row);
  }

  rowHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  /** Marks rows whose height should follow their wrapped text (see SheetDescription.autoFitRows). */
  autoFitRows(first: number, last: number): void {
    if (last >= first) this.autoFit = { first, last };
  }

  conditionalFill(fill: ConditionalFill): void {
    this.fills.push(fill);
  }

  build(spec: {
    reportId: ReportId;
    name: string;
    columnWidths: readonly number[];
    defaultFont: { name: string; size: number };
    freeze: { rows: number; columns: number };
    print: Omit<PrintSetup, "printArea">;
    table: TablePlace;
  }): SheetDescription {
    const lastRow = Math.max(this.rows.length, 1);
    this.ensure(lastRow);
    const heights: RowHeightRun[] = [];
    [...this.heights.entries()]
      .sort((a, b) => a[0] - b[0])
      .forEach(([row, height]) => {
        const prev = heights[heights.length - 1];
        if (prev && prev.last === row - 1 && prev.height === height)
          heights[heights.length - 1] = { ...prev, last: row };
        else heights.push({ first: row, last: row, height });
      });
    return {
      reportId: spec.reportId,
      name: spec.name,
      columnCount: this.columnCount,
      cells: this.rows,
      columnWidths: spec.columnWidths,
      rowHeights: heights,
      autoFitRows: this.autoFit,
      defaultFont: spec.defaultFont,
      styles: [
        {
          range: cellRange(1, 1, lastRow, this.columnCount),
          style: { font: { ...spec.defaultFont }, vertical: "center" },
        },
        ...this.styleRuns,
      ],
      merges: this.mergeList,
      conditionalFills: this.fills,
      freeze: spec.freeze,
      showGridlines: false,
      print: { ...spec.print, printArea: cellRange(1, 1, lastRow, this.columnCount) },
      table: spec.table,
    };
  }
}
