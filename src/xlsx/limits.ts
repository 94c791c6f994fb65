/**
 * The bounds of the .xlsx reader (docs/reliability.md, "The file boundary"). Each one exceeded is
 * an `UnusableInputError` naming the file and the limit, never a crash: together they keep a
 * hostile or broken file's cost (time and memory) small, whatever it declares about itself.
 * The country-size workbook (100,000 villages, 292,000 office-holders: 27 MB, its largest part
 * 147 MB inflated, about 6 million cells) is well inside every one.
 */
export const LIMITS = {
  /** Files larger than this are refused before they are read (the CLI checks the size first). */
  fileBytes: 200 * 1024 * 1024,
  /** One part of the zip, inflated. */
  entryBytes: 384 * 1024 * 1024,
  /** All parts read from one file, inflated. */
  totalBytes: 768 * 1024 * 1024,
  /** Parts above `ratioFloorBytes` may expand at most this many times (real sheets: 5–20×). */
  compressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Excel's grid. */
  rows: 1_048_576,
  columns: 16_384,
  /** Excel's limit on the text of one cell. */
  cellTextChars: 32_767,
  /** Cells with a value, all sheets of one file together. */
  cells: 20_000_000,
  /** Entries of the shared-string table. */
  sharedStrings: 8_000_000,
  /** XML elements nested inside one another (Excel's parts: about 10). */
  xmlDepth: 256,
} as const;
