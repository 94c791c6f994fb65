/**
 * What the pane needs to know of the clerk's Office: its display language and Excel's decimal
 * separator (`application.cultureInfo.numberFormat`, ExcelApi 1.11). Outside Office, or in an Excel
 * without that API, both are null and the pane falls back (see `initialLanguage`,
 * `listSeparatorFor`). Kept apart from the workbook session: it reads no workbook data.
 */

/** Office's display language ("vi-VN", "en-US"), or null outside Office. */
export function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}

/** Excel's decimal separator ("," or "."), or null when it cannot be read. */
export async function excelDecimalSeparator(): Promise<string | null> {
  try {
    if (typeof Excel === "undefined" || typeof Office === "undefined") return null;
    if (!Office.context?.requirements?.isSetSupported("ExcelApi", "1.11")) return null;
    return await Excel.run(async (context) => {
      const format = context.application.cultureInfo.numberFormat;
      format.load("numberDecimalSeparator");
      await context.sync();
      return format.numberDecimalSeparator;
    });
  } catch {
    return null;
  }
}
