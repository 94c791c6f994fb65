import type { XRange, XRequestContext, XWorksheet, XWorksheetCollection } from "./writeReport";

/**
 * The part of the Excel object model the workbook session uses (src/excel/session.ts), as
 * structural types: the real `Excel.RequestContext` satisfies them (a compile-time test proves
 * it), and so does the in-memory workbook of demo mode and the tests (src/excel/memory). They
 * widen the report writer's view (`XRequestContext`), so the same context serves both.
 */

export interface XSessionRange extends XRange {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly valueTypes: Excel.RangeValueType[][];
  load(propertyNames?: string): unknown;
  /** Selects the range in the Excel UI (and activates its sheet). */
  select(): void;
  dataValidation: {
    rule: Excel.DataValidationRule;
    errorAlert: Excel.DataValidationErrorAlert;
    prompt: Excel.DataValidationPrompt;
  };
  /** Deletes the cells; the cells below move up (within the range's columns). */
  delete(shift: "Up"): void;
  /** Clears values and formulas ("Contents") or everything, formats included ("All"). */
  clear(applyTo?: "Contents" | "All"): void;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XMergedAreas;
}

/** What `getMergedAreasOrNullObject` gives (Excel.RangeAreas, the part the reader uses). */
export interface XMergedAreas {
  readonly isNullObject: boolean;
  /** "Thôn!A2:A5, Thôn!B7:C7". */
  readonly address: string;
  load(propertyNames?: string): unknown;
}

export interface XTable {
  name: string;
  style: string;
  showBandedRows: boolean;
  /** The table's range, header row included. */
  getRange(): XSessionRange;
  readonly worksheet: { readonly name: string; load(propertyNames?: string): unknown };
  /** Rows added at the end of the table (no index), cells below moving down. */
  rows: { add(index: undefined, values: (string | number | boolean)[][]): unknown };
  /** A column added at the right end of the table (no index), with its header. */
  columns: { add(index: undefined, values: undefined, name: string): unknown };
}

export interface XChartSeries {
  name: string;
  chartType: Excel.ChartSeries["chartType"];
  setValues(sourceData: XSessionRange): void;
  setXAxisValues(sourceData: XSessionRange): void;
}

export interface XChart {
  name: string;
  title: { text: string };
  legend: { position: Excel.ChartLegend["position"]; visible: boolean };
  axes: { valueAxis: { minimum: number; maximum: number } };
  setPosition(startCell: string, endCell?: string): void;
  series: { getItemAt(index: number): XChartSeries; add(name?: string): XChartSeries };
}

export interface XSessionWorksheet extends XWorksheet {
  readonly id: string;
  readonly visibility: string;
  load(propertyNames?: string): unknown;
  activate(): void;
  getRange(address?: string): XSessionRange;
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): XSessionRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XSessionRange;
  tables: { add(address: string, hasHeaders: boolean): XTable };
  charts: {
    add(type: "ColumnClustered", sourceData: XSessionRange, seriesBy?: "Auto" | "Columns" | "Rows"): XChart;
  };
}

export interface XSessionWorksheetCollection extends XWorksheetCollection {
  readonly items: XSessionWorksheet[];
  add(name?: string): XSessionWorksheet;
  getItem(key: string): XSessionWorksheet;
  getActiveWorksheet(): XSessionWorksheet;
}

export interface XSetting {
  readonly isNullObject: boolean;
  readonly value: unknown;
  load(propertyNames?: string): unknown;
}

export interface XSessionContext {
  workbook: {
    worksheets: XSessionWorksheetCollection;
    names: XRequestContext["workbook"]["names"];
    protection: XRequestContext["workbook"]["protection"];
    application: XRequestContext["workbook"]["application"];
    tables: { readonly items: XTable[]; load(propertyNames?: string): unknown; getItem(key: string): XTable };
    settings: { add(key: string, value: unknown): unknown; getItemOrNullObject(key: string): XSetting };
    getActiveCell(): XSessionRange;
  };
  sync(): Promise<unknown>;
}
