import type { SheetVisibility } from "../../core/grid";
import { XmlScanner, OPEN, CLOSE, TEXT, EOF } from "./scanner";

/** What the workbook part says: its sheets in order, defined names, and the 1904 date system. */
export interface WorkbookPart {
  readonly sheets: readonly { name: string; relationshipId: string; visibility: SheetVisibility }[];
  readonly definedNames: readonly { name: string; text: string }[];
  readonly date1904: boolean;
}

export function readWorkbookPart(bytes: Uint8Array): WorkbookPart {
  const sheets: { name: string; relationshipId: string; visibility: SheetVisibility }[] = [];
  const definedNames: { name: string; text: string }[] = [];
  let date1904 = false;
  const x = new XmlScanner(bytes);
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k !== OPEN) continue;
    if (x.is("sheet")) {
      const name = x.attrValue("name");
      const relationshipId = x.attrValue("id");
      if (name === null || relationshipId === null) continue;
      const state = x.attrValue("state");
      sheets.push({
        name,
        relationshipId,
        visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
      });
    } else if (x.is("workbookPr")) {
      const v = x.attrValue("date1904");
      date1904 = v === "1" || v === "true";
    } else if (x.is("definedName")) {
      const name = x.attrValue("name") ?? "";
      let text = "";
      const depth = x.depth - 1;
      while (x.next() !== EOF && !(x.kind === CLOSE && x.depth === depth))
        if (x.kind === TEXT) text += x.text();
      definedNames.push({ name, text });
    }
  }
  return { sheets, definedNames, date1904 };
}
