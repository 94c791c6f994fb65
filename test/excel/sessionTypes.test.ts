import type { XSessionContext } from "../../src/excel/objectModel";
import { FakeRequestContext, FakeWorkbook } from "../../src/excel/memory/fakeExcel";

/**
 * Compile-time proof that the real Office.js request context and the in-memory workbook both
 * satisfy the session's view of the Excel object model (`npx tsc --noEmit` fails otherwise).
 */
function acceptsRealContext(context: Excel.RequestContext): XSessionContext {
  return context;
}

function acceptsFakeContext(context: FakeRequestContext): XSessionContext {
  return context;
}

test("Excel.RequestContext and the in-memory context both fit the session's context type", () => {
  expect(typeof acceptsRealContext).toBe("function");
  expect(acceptsFakeContext(new FakeRequestContext(new FakeWorkbook()))).toBeTruthy();
});
