/**
 * The ribbon commands with a stand-in for the global `Office`: the "Generate reports" button runs
 * the registered generator, or opens the pane with an honest notice, and always completes the event.
 */
import { currentNotice, setReportGenerator, showNotice } from "../../src/commands/shared";

const associate = jest.fn();
const showAsTaskpane = jest.fn(async () => undefined);

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = {
    actions: { associate },
    addin: { showAsTaskpane },
  };
});

afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

beforeEach(() => {
  jest.clearAllMocks();
  showNotice(null);
  setReportGenerator(null);
});

/** Loads commands.ts as Office would (it registers itself on load) and returns its handler. */
function loadHandler(): (event: { completed: () => void }) => Promise<void> {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../src/commands/commands");
  });
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls[0][0]).toBe("generateReports");
  return associate.mock.calls[0][1] as (event: { completed: () => void }) => Promise<void>;
}

it("registers generateReports with Office.actions on load", () => {
  loadHandler();
});

it("shows the pane with a notice while no report generator is registered", async () => {
  const handler = loadHandler();
  const event = { completed: jest.fn() };
  await handler(event);
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(currentNotice()?.intent).toBe("warning");
  expect(currentNotice()?.title.vi).toBe("Chưa lập được báo cáo");
  expect(event.completed).toHaveBeenCalledTimes(1);
});

it("runs the registered generator without opening the pane", async () => {
  const handler = loadHandler();
  const generate = jest.fn(async () => undefined);
  setReportGenerator(generate);
  const event = { completed: jest.fn() };
  await handler(event);
  expect(generate).toHaveBeenCalledTimes(1);
  expect(showAsTaskpane).not.toHaveBeenCalled();
  expect(currentNotice()).toBeNull();
  expect(event.completed).toHaveBeenCalledTimes(1);
});

it("reports a failing generator in the pane and still completes the event", async () => {
  const handler = loadHandler();
  setReportGenerator(async () => {
    throw new Error("Không tìm thấy trang Thôn");
  });
  showAsTaskpane.mockRejectedValueOnce(new Error("not allowed"));
  const event = { completed: jest.fn() };
  await handler(event);
  expect(currentNotice()?.intent).toBe("error");
  expect(currentNotice()?.body.vi).toBe("Không tìm thấy trang Thôn");
  expect(event.completed).toHaveBeenCalledTimes(1);
});

it("shares its state through the global object, so separate bundles see the same notice", () => {
  let isolated: typeof import("../../src/commands/shared") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    isolated = require("../../src/commands/shared");
  });
  isolated?.showNotice({ intent: "info", title: { vi: "a", en: "a" }, body: { vi: "b", en: "b" } });
  expect(currentNotice()?.title.vi).toBe("a");
});
