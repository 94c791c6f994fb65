import type { XRequestContext } from "../../src/excel/writeReport";

/**
 * Compile-time proof that the real Office.js request context satisfies the writer's narrow view of
 * the Excel object model (`npx tsc --noEmit` fails otherwise); the fake implements the same view.
 */
function acceptsRealContext(context: Excel.RequestContext): XRequestContext {
  return context;
}

test("the real Excel.RequestContext type is assignable to the writer's context type", () => {
  expect(typeof acceptsRealContext).toBe("function");
});
