import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { buildReports } from "../../src/report/reports";
import { addReportSheets, addReportSheetsStreamed } from "../../src/xlsx/write/reportSheet";
import { XlsxPackage } from "../../src/xlsx/write/workbook";
import {
  crc32,
  feedChunks,
  packChunks,
  packEntry,
  STORE_LIMIT,
  zip,
  zipPacked,
  zipPieces,
  type StreamingZip,
} from "../../src/xlsx/write/zip";
import { ChunkPool, XmlBytes } from "../../src/xlsx/write/xmlBytes";
import { SharedStrings, worksheetChunks } from "../../src/xlsx/write/sheet";
import { reportWorksheet } from "../../src/xlsx/write/reportSheet";
import { StyleTable } from "../../src/xlsx/write/styles";
import { writeFileAtomic } from "../../src/xlsx/files";
import { concatBytes } from "../../src/xlsx/bytes";
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
      const body = (b: typeof whole.body): Buffer => Buffer.concat(Array.isArray(b) ? b : [b]);
      expect(body(streamed.body).equals(body(whole.body))).toBe(true);
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

  it("gives back the chunks of an entry past STORE_LIMIT once deflated, and packs it as deflating it whole does", async () => {
    const text = new TextEncoder().encode(
      Array.from({ length: 120_000 }, (_, i) => `<c r="B${i}" s="5"><v>${(i * 7919) % 977}</v></c>`).join(""),
    );
    expect(text.length).toBeGreaterThan(3 * STORE_LIMIT);
    const chunks = Array.from({ length: Math.ceil(text.length / 300_000) }, (_, i) =>
      // Copies: each chunk has a buffer of its own, as XmlBytes hands them.
      text.slice(i * 300_000, (i + 1) * 300_000),
    );
    const given: Uint8Array[] = [];
    const { packed } = await feedChunks("s.xml", chunks, reportZip, (c) => given.push(c));
    const entry = await packed;
    const whole = packEntry({ name: "s.xml", data: text }, reportDeflate, nodeCrc32);
    const body = (b: typeof whole.body): Buffer => Buffer.concat(Array.isArray(b) ? b : [b]);
    expect({ ...entry, body: null }).toEqual({ ...whole, body: null });
    expect(body(entry.body).equals(body(whole.body))).toBe(true);
    // Every chunk past the first STORE_LIMIT bytes was given back, each once, in order.
    const past = chunks.filter(
      (_, i) => chunks.slice(0, i + 1).reduce((n, c) => n + c.length, 0) > STORE_LIMIT,
    );
    expect(given).toEqual(past);
    expect(new Set(given).size).toBe(given.length);
    // Bytes that do not compress, past the limit: deflated all the same (the chunks are not held),
    // and still read back exactly.
    const noise = new Uint8Array(randomBytes(STORE_LIMIT + 5000));
    const big = await (
      await feedChunks("n.bin", [noise.slice(0, 4000), noise.slice(4000)], reportZip, () => undefined)
    ).packed;
    expect(big.stored).toBe(false);
    expect(new Uint8Array(inflateRawSync(body(big.body)))).toEqual(noise);
    // Under the limit, a noise entry fed with `recycle` is stored as before and nothing is given back.
    const small: Uint8Array[] = [];
    const storedSmall = await (
      await feedChunks("m.bin", [noise.slice(0, 1000), noise.slice(1000, 3000)], reportZip, (c) =>
        small.push(c),
      )
    ).packed;
    expect(storedSmall).toMatchObject({ stored: true, body: noise.slice(0, 3000) });
    expect(small).toEqual([]);
  });

  it("reuses the buffers given back to its pool, and writes the same XML through them", () => {
    const pool = new ChunkPool(64);
    const out = new XmlBytes(64, pool);
    out.ascii("x".repeat(70));
    const first = out.take();
    pool.give(first);
    out.ascii("y");
    const second = out.take();
    expect(second.buffer).toBe(first.buffer);
    // A chunk grown past a pool buffer's size is not kept.
    out.ascii("z".repeat(10_000));
    pool.give(out.take());
    expect(new XmlBytes(64, pool).take().length).toBe(0);

    const f = binhGia([
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null],
      ["Lạng Sơn", "Bình Gia", "Pò Mầm", "x", null, null, "Không", 2.5, null],
    ]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
    const xml = (pooled: boolean): string => {
      const styles = new StyleTable();
      const strings = new SharedStrings();
      const chunkPool = new ChunkPool(256);
      const text: string[] = [];
      sheets.forEach((d, i) => {
        for (const chunk of worksheetChunks(
          reportWorksheet(d, d.name, styles),
          strings,
          i === 0,
          256,
          pooled ? chunkPool : null,
        )) {
          text.push(new TextDecoder().decode(chunk));
          // Given back at once: the next chunk is written into the same buffer.
          if (pooled) chunkPool.give(chunk);
        }
      });
      return text.join("");
    };
    expect(xml(true)).toBe(xml(false));
  });

  it("writes a file from the zip's pieces as from its joined bytes", async () => {
    const entries = [
      packEntry({ name: "a.xml", data: new TextEncoder().encode("<a>".repeat(40_000)) }, deflate),
      packEntry({ name: "b.bin", data: new Uint8Array(randomBytes(100_000)) }, deflate),
      packEntry({ name: "c", data: new Uint8Array(0) }, deflate),
    ];
    const pieces = zipPieces(entries);
    expect(concatBytes(pieces)).toEqual(zipPacked(entries));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-pieces-"));
    try {
      const file = path.join(dir, "p.zip");
      await writeFileAtomic(file, pieces);
      expect(new Uint8Array(fs.readFileSync(file))).toEqual(zipPacked(entries));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
