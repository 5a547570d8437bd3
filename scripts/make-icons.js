#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-16.png … icon-80.png): a green square with a white "L".
 * Uses only Node's zlib, so it runs anywhere Node runs. The output is deterministic;
 * re-running it gives byte-identical files. Run with `node scripts/make-icons.js`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [0x21, 0x73, 0x46]; // Excel-like green
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges

/** CRC-32 (IEEE) as required by the PNG chunk format. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** Coverage of the shapes at a point in unit coordinates (0..1). */
function insideSquare(x, y) {
  // rounded square filling the icon, corner radius 15 %
  const r = 0.15;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function insideL(x, y) {
  const stem = x >= 0.3 && x <= 0.46 && y >= 0.18 && y <= 0.82;
  const foot = x >= 0.3 && x <= 0.74 && y >= 0.66 && y <= 0.82;
  return stem || foot;
}

function renderRgba(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let sq = 0;
      let l = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (pxX + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideSquare(x, y)) {
            sq++;
            if (insideL(x, y)) l++;
          }
        }
      }
      const o = (py * size + pxX) * 4;
      const wL = sq === 0 ? 0 : l / sq; // share of white inside the square
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(GREEN[c] * (1 - wL) + WHITE[c] * wL);
      px[o + 3] = Math.round((255 * sq) / n);
    }
  }
  return px;
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, renderRgba(size)));
  console.log(`skrev ${path.relative(process.cwd(), file)} (${size}×${size})`);
}
