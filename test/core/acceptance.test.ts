import {
  needsConfirmation,
  parseReviewState,
  readDecisions,
  unitReview,
} from "../../src/core/submission/acceptance";

describe("review states", () => {
  test("are read in Vietnamese or English, with or without accents", () => {
    expect(parseReviewState("Đã nhận")).toBe("accepted");
    expect(parseReviewState("da nhan")).toBe("accepted");
    expect(parseReviewState("TRẢ LẠI")).toBe("returned");
    expect(parseReviewState("Returned")).toBe("returned");
    expect(parseReviewState("Chờ xem xét")).toBe("pending");
    expect(parseReviewState("Nộp lại sau khi trả")).toBe("pending");
    expect(parseReviewState("")).toBeNull();
    expect(parseReviewState("có lẽ")).toBeNull();
  });

  test("only an accepted submission needs a confirmation to be replaced", () => {
    expect(needsConfirmation("accepted")).toBe(true);
    expect(needsConfirmation("returned")).toBe(false);
    expect(needsConfirmation("pending")).toBe(false);
    expect(needsConfirmation(null)).toBe(false);
  });

  test("a unit's review is its latest submission's; pending after a return is a resubmission with the return's note", () => {
    expect(unitReview([])).toBeNull();
    expect(unitReview([{ state: null, note: null }])).toEqual({ state: "pending", note: null });
    expect(unitReview([{ state: "accepted", note: "ok" }])).toEqual({ state: "accepted", note: "ok" });
    expect(unitReview([{ state: "returned", note: "thiếu thôn" }])).toEqual({
      state: "returned",
      note: "thiếu thôn",
    });
    expect(
      unitReview([
        { state: "returned", note: "thiếu thôn" },
        { state: null, note: null },
      ]),
    ).toEqual({ state: "resubmitted", note: "thiếu thôn" });
    expect(
      unitReview([
        { state: "returned", note: "thiếu thôn" },
        { state: "accepted", note: null },
      ]),
    ).toEqual({ state: "accepted", note: null });
  });
});

describe("readDecisions", () => {
  test("finds the header under title rows, prefers “Tiếp nhận” over “Tình trạng”, and names each row's cell", () => {
    const { decisions, unknown } = readDecisions([
      {
        file: "bao-cao.xlsx",
        sheets: [
          {
            name: "Tổng hợp",
            rows: [
              ["Tỉnh", "Huyện"],
              ["Lạng Sơn", "Bình Gia"],
            ],
          },
          {
            name: "Tình hình nộp báo cáo",
            rows: [
              ["TÌNH HÌNH NỘP BÁO CÁO"],
              [],
              ["STT", "Đơn vị", "Tình trạng", "Mã nội dung", "Tiếp nhận", "Ghi chú"],
              [1, "Yên Lỗ", "Đã nộp", "0B1BFA6C", "Trả lại", "Thiếu chữ ký"],
              [2, "Bình La", "Đã nộp", "e93436ab", "Đã nhận", null],
              [3, "Tân Văn", "Chưa nộp", null, null, null],
              [4, "Hồng Phong", "Đã nộp", "6a0c7132", "không rõ", null],
            ],
          },
        ],
      },
    ]);
    expect(decisions).toEqual([
      {
        hash: "0b1bfa6c",
        state: "returned",
        note: "Thiếu chữ ký",
        place: { file: "bao-cao.xlsx", sheet: "Tình hình nộp báo cáo", cell: "E4" },
      },
      {
        hash: "e93436ab",
        state: "accepted",
        note: null,
        place: { file: "bao-cao.xlsx", sheet: "Tình hình nộp báo cáo", cell: "E5" },
      },
    ]);
    expect(unknown).toEqual([{ file: "bao-cao.xlsx", sheet: "Tình hình nộp báo cáo", cell: "E7" }]);
  });

  test("a decision whose hash cell is cut short, mistyped or lost its leading zeros is reported, not silently dropped", () => {
    const { decisions, badHash } = readDecisions([
      {
        file: "tiep-nhan.xlsx",
        sheets: [
          {
            name: "Tiếp nhận",
            rows: [
              ["Đơn vị", "Mã nội dung", "Tiếp nhận"],
              ["Yên Lỗ", "0b1bfa6", "Đã nhận"], // 7 digits
              ["Bình La", 123456, "Trả lại"], // "00123456" typed into Excel
              ["Tân Văn", "e93436ag", "Đã nhận"], // not hex
              ["Hồng Phong", "E93436AB", "ĐÃ NHẬN"], // upper case: read
              ["Vĩnh Yên", "zz", null], // no state: not a decision at all
            ],
          },
        ],
      },
    ]);
    expect(decisions.map((d) => [d.hash, d.state])).toEqual([["e93436ab", "accepted"]]);
    expect(badHash.map((p) => p.cell)).toEqual(["B2", "B3", "B4"]);
  });
});
