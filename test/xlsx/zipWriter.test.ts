import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { buildReports } from "../../src/report/reports";
import { addReportSheets, addReportSheetsStreamed } from "../../src/xlsx/write/reportSheet";
import { XlsxPackage } from "../../src/xlsx/write/workbook";
import { crc32, packChunks, packEntry, zip, zipPacked, type StreamingZip } from "../../src/xlsx/write/zip";
import { nodeCrc32, nodeStreamDeflater, reportDeflate, reportZip } from "../../src/xlsx/writeReport";
import { binhGia, settingsFor } from "../report/fixtures";

const deflate = (d: Uint8Array): Uint8Array => deflateRawSync(d);
/** The CLI's chunk-by-chunk deflate at zlib's default level, as `deflate`. */
const streamingDeflate6 = { ...reportZip, deflater: () => nodeStreamDeflater(6) };

describe("the zip writer", () => {
  it("computes the zip CRC-32 (check value of “123456789”)", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("agrees with the native CRC-32 the CLI passes in (Node's zlib.crc32)", () => {
    expect(nodeCrc32).toBeDefined();
    for (const n of [0, 1, 7, 1000, 65_537]) {
      const data = new Uint8Array(randomBytes(n));
      expect(nodeCrc32!(data)).toBe(crc32(data));
    }
  });

  it("continues a CRC-32 over more bytes, as Node's zlib.crc32 does", () => {
    const data = new Uint8Array(randomBytes(10_000));
    for (const cut of [0, 1, 4321, 10_000]) {
      const head = data.subarray(0, cut);
      const tail = data.subarray(cut);
      expect(crc32(tail, crc32(head))).toBe(crc32(data));
      expect(reportZip.checksum(tail, reportZip.checksum(head, 0))).toBe(crc32(data));
    }
  });

  it("deflates an entry chunk by chunk (the CLI's report) into the same bytes as deflating it whole", async () => {
    const text = new TextEncoder().encode(
      Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}" s="3"><v>${(i * 7919) % 1000}</v></c>`).join(""),
    );
    const whole = packEntry({ name: "s.xml", data: text }, reportDeflate, nodeCrc32);
    for (const cuts of [[], [1], [100, 65_536, 65_537, 500_000], [text.length - 1]]) {
      const bounds = [0, ...cuts, text.length];
      const chunks = bounds.slice(1).map((end, i) => text.subarray(bounds[i], end));
      const streamed = await packChunks("s.xml", chunks, reportZip);
      expect({ ...streamed, body: null }).toEqual({ ...whole, body: null });
      expect(Buffer.from(streamed.body).equals(Buffer.from(whole.body))).toBe(true);
      expect(streamed.stored).toBe(false);
    }
    // Bytes that do not compress are stored, joined from their chunks.
    const noise = new Uint8Array(randomBytes(3000));
    const stored = await packChunks("n.bin", [noise.subarray(0, 1000), noise.subarray(1000)], reportZip);
    expect(stored).toEqual({ name: "n.bin", crc: crc32(noise), size: 3000, stored: true, body: noise });
    const empty = await packChunks("e", [], reportZip);
    expect(empty).toMatchObject({ crc: 0, size: 0, stored: true, body: new Uint8Array(0) });
  });

  it("writes the same report package whether its sheets are deflated whole or chunk by chunk", async () => {
    const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null]]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
    const whole = new XlsxPackage();
    const wholeNames = addReportSheets(whole, sheets);
    const streamed = new XlsxPackage();
    const streamedNames = await addReportSheetsStreamed(streamed, sheets, reportZip);
    expect(streamedNames).toEqual(wholeNames);
    expect(
      Buffer.from(await streamed.bytesStreamed(reportZip)).equals(
        Buffer.from(whole.bytes(reportDeflate, nodeCrc32)),
      ),
    ).toBe(true);
  });

  it("starts the next sheet while the last one still deflates, and waits for it before zipping", async () => {
    const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null]]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
    // The CLI's zipping, with every deflate's end held until released by the test.
    const held: (() => void)[] = [];
    const holding: StreamingZip = {
      checksum: reportZip.checksum,
      deflater: () => {
        const d = reportZip.deflater();
        return {
          write: (chunk) => d.write(chunk),
          end: () => new Promise<void>((release) => held.push(release)).then(() => d.end()),
        };
      },
    };
    const pkg = new XlsxPackage();
    const names = await addReportSheetsStreamed(pkg, sheets, holding);
    // Every sheet was written while no deflate had ended.
    expect(held.length).toBe(sheets.length);
    expect(() => pkg.bytes(reportDeflate, nodeCrc32)).toThrow(/bytesStreamed/);
    let zipped = false;
    const bytes = pkg.bytesStreamed(holding).then((b) => ((zipped = true), b));
    await new Promise((resolve) => setImmediate(resolve));
    expect(zipped).toBe(false);
    while (held.length > 0) held.shift()!();
    const whole = new XlsxPackage();
    expect(addReportSheets(whole, sheets)).toEqual(names);
    expect(Buffer.from(await bytes).equals(Buffer.from(whole.bytes(reportDeflate, nodeCrc32)))).toBe(true);
  });

  it("reports a deflate that fails after its sheet was written, when zipping", async () => {
    const failing: StreamingZip = {
      checksum: reportZip.checksum,
      deflater: () => ({ write: () => undefined, end: () => Promise.reject(new Error("deflate failed")) }),
    };
    const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null]]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
    const pkg = new XlsxPackage();
    await addReportSheetsStreamed(pkg, sheets, failing);
    await expect(pkg.bytesStreamed(failing)).rejects.toThrow("deflate failed");
  });

  it("writes a zip another implementation reads with every CRC right, UTF-8 names, stored and deflated entries", async () => {
    // Bytes that do not compress: stored as they are.
    const noise = new Uint8Array(randomBytes(300));
    const entries = [
      { name: "xl/worksheets/sheet1.xml", data: new TextEncoder().encode("<a>".repeat(10_000)) },
      { name: "Thôn/tệp.bin", data: noise },
      { name: "empty", data: new Uint8Array(0) },
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-zip-"));
    try {
      const file = path.join(dir, "t.zip");
      fs.writeFileSync(file, zip(entries, deflate, undefined, nodeCrc32));
      // The same entries packed chunk by chunk: the same zip.
      const packed = await Promise.all(
        entries.map((e) =>
          packChunks(e.name, [e.data.subarray(0, 7), e.data.subarray(7)], streamingDeflate6),
        ),
      );
      expect(Buffer.from(zipPacked(packed)).equals(fs.readFileSync(file))).toBe(true);
      const script = [
        "import sys, zipfile, json",
        "z = zipfile.ZipFile(sys.argv[1])",
        "assert z.testzip() is None",
        "print(json.dumps([[i.filename, i.compress_type, i.file_size, list(z.read(i))[:5]] for i in z.infolist()]))",
      ].join("\n");
      const r = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual([
        ["xl/worksheets/sheet1.xml", 8, 30_000, [60, 97, 62, 60, 97]],
        ["Thôn/tệp.bin", 0, 300, [...noise.subarray(0, 5)]],
        ["empty", 0, 0, []],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
