import * as fs from "node:fs";
import { buildReports } from "../../src/report/reports";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { binhGia, langSonTwoDistricts, settingsFor } from "./fixtures";
test("render", async () => {
  const f =
    process.env.FIX === "two"
      ? langSonTwoDistricts()
      : binhGia([
          ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", "abc", null],
          ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "A", "B", "Có", 5, "- trùng"],
        ]);
  const s = settingsFor(f.rollup, {
    signerTitle: "PHÓ BÍ THƯ THƯỜNG TRỰC",
    signerName: "Nguyễn Trung Kiên",
    preparerName: "Nguyễn Văn A",
  });
  const sheets = buildReports(f.rollup, f.issues, s);
  fs.writeFileSync("/tmp/rep/report.xlsx", await reportXlsxBytes(sheets));
});
