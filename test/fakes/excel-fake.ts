export * from "../../src/excel/memory/fakeExcel";
