/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png): a red rounded square with a white
 * check mark, anti-aliased by supersampling. No image tools are needed: the PNG is written by hand
 * (signature, IHDR, one zlib-compressed IDAT, IEND).
 *
 *   node scripts/make-icons.js [outDir]   (default: assets/)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const RED = [218, 37, 29]; // the red of the Vietnamese flag, #DA251D
const WHITE = [255, 255, 255];
const SAMPLES = 4; // 4×4 subpixels per pixel

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file from RGBA pixels (8 bits per channel, no interlace). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin;
  const hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The check mark in unit coordinates (y down), and its stroke width; thicker at small sizes.
const CHECK = [
  [0.26, 0.52],
  [0.43, 0.69],
  [0.75, 0.33],
];

function onCheck(x, y, halfWidth) {
  return (
    distanceToSegment(x, y, CHECK[0], CHECK[1]) <= halfWidth ||
    distanceToSegment(x, y, CHECK[1], CHECK[2]) <= halfWidth
  );
}

/** RGBA pixels of the icon at one size. */
function drawIcon(size) {
  const margin = size <= 16 ? 0.03 : 0.06;
  const radius = 0.18;
  const halfWidth = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y, margin, radius)) continue;
          if (onCheck(x, y, halfWidth)) white++;
          else red++;
        }
      }
      const covered = red + white;
      const i = (py * size + px) * 4;
      if (covered === 0) continue; // transparent
      for (let ch = 0; ch < 3; ch++)
        pixels[i + ch] = Math.round((RED[ch] * red + WHITE[ch] * white) / covered);
      pixels[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { encodePng, drawIcon, SIZES };

if (require.main === module) main();
