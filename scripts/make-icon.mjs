// Draws Slashboard's app icon with nothing but Node (zlib and hand-built PNG chunks) and writes
// every file electron-builder wants, so packaging needs no icon-conversion download:
//   resources/icon.png            1024×1024 master (config "icon")
//   resources/icons/NxN.png       the Linux icon set (16 … 1024)
//   resources/icon.icns           macOS, PNG-encoded members (ic07 … ic14)
//   resources/icon.ico            Windows, 16/24/32/48/64 as BMP, 128/256 as PNG
// The mark: a faceted diamond on a dark rounded square, cut by one diagonal slash.
// Each size is rendered from the geometry (4×4 supersampling), never scaled from another.
// Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve('resources');

/** RGBA pixels (premultiplied while compositing, straight at the end) of the icon at `size`. */
function renderIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  const sub = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          // Unit coordinates: (0,0) top-left, (1,1) bottom-right.
          const x = (px + (sx + 0.5) / sub) / size;
          const y = (py + (sy + 0.5) / sub) / size;
          const color = sample(x, y);
          if (!color) continue;
          r += color[0] * color[3]; g += color[1] * color[3]; b += color[2] * color[3]; a += color[3];
        }
      }
      const n = sub * sub;
      const i = (py * size + px) * 4;
      pixels[i + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
    }
  }
  return pixels;
}

const mix = (c1, c2, t) => c1.map((v, k) => v + (c2[k] - v) * Math.min(1, Math.max(0, t)));

/** One sample: [r, g, b, alpha 0..1] or null for transparent. */
function sample(x, y) {
  // Rounded square on Apple's 824/1024 grid, so it sits right beside other Dock icons.
  const inset = 100 / 1024, radius = 185 / 1024;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
  if (qx * qx + qy * qy > radius * radius) return null;
  const background = mix([32, 42, 66], [13, 17, 26], (y - inset) / (1 - 2 * inset));

  // The diamond: |dx|/w + |dy|/h <= 1 around the centre.
  const dx = x - 0.5, dy = y - 0.5;
  const w = 0.235, h = 0.3;
  if (Math.abs(dx) / w + Math.abs(dy) / h > 1) return [...background, 1];
  // The slash: a band along the line from upper right to lower left, through the centre.
  const across = (dx + dy) / Math.SQRT2;
  if (Math.abs(across - 0.012) < 0.028) return [...background, 1];
  // Facets: the upper half lighter, the left half a touch brighter, like a cut stone in light.
  const top = dy < 0;
  const left = dx < 0;
  const base = top ? mix([140, 245, 205], [92, 214, 190], (dy + h) / h) : mix([64, 170, 235], [52, 104, 224], dy / h);
  return [...(left ? base : mix(base, [20, 40, 90], 0.18)), 1];
}

// ─── PNG ──────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
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
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA 8-bit PNG; every row Paeth-filtered (the gradients compress far better than unfiltered). */
function encodePng(size, pixels) {
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 4;
    for (let x = 0; x < stride; x++) {
      const value = pixels[y * stride + x];
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const p = left + up - upLeft;
      const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
      const predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      raw[y * (stride + 1) + 1 + x] = (value - predictor) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ─── ICO and ICNS ────────────────────────────────────────────────────────────

/** A 32-bit BMP (DIB) icon image: bottom-up BGRA rows plus the 1-bit AND mask (all opaque-by-alpha). */
function dibImage(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      colour[to] = pixels[from + 2];
      colour[to + 1] = pixels[from + 1];
      colour[to + 2] = pixels[from];
      colour[to + 3] = pixels[from + 3];
    }
  }
  const maskStride = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, colour, Buffer.alloc(maskStride * size)]);
}

function encodeIco(images) {
  const dir = Buffer.alloc(6 + images.length * 16);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, index) => {
    const at = 6 + index * 16;
    dir[at] = size >= 256 ? 0 : size;
    dir[at + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((image) => image.data)]);
}

function encodeIcns(members) {
  const parts = members.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ─── Write everything ────────────────────────────────────────────────────────

function main() {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const rendered = new Map(sizes.map((size) => [size, renderIcon(size)]));
  const png = new Map(sizes.map((size) => [size, encodePng(size, rendered.get(size))]));
  fs.mkdirSync(path.join(OUT, 'icons'), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'icon.png'), png.get(1024));
  for (const size of sizes) fs.writeFileSync(path.join(OUT, 'icons', `${size}x${size}.png`), png.get(size));
  // PNG members from ic07 up (macOS 10.7+); 16/32 point sizes come from the @2x members.
  const icns = [['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic08', 256], ['ic13', 256], ['ic09', 512], ['ic14', 512], ['ic10', 1024]];
  fs.writeFileSync(path.join(OUT, 'icon.icns'), encodeIcns(icns.map(([type, size]) => ({ type, data: png.get(size) }))));
  const ico = [16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: size >= 128 ? png.get(size) : dibImage(size, rendered.get(size)) }));
  fs.writeFileSync(path.join(OUT, 'icon.ico'), encodeIco(ico));
  console.log(`Wrote resources/icon.png, icon.icns, icon.ico and icons/{${sizes.join(',')}}`);
}

main();
