// Draws the app icon (resources/icon.png, 1024×1024) without any image tool: a dark rounded
// square with three lines of "text", the middle one highlighted as a claim. Run once; the PNG
// is committed (electron-builder derives every platform's icon from it).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 1024;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => pixels.set([r, g, b, a], (y * size + x) * 4);
const inRounded = (x, y, x0, y0, x1, y1, radius) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let colour = [0, 0, 0, 0];
    if (inRounded(x, y, 64, 64, 960, 960, 180)) colour = [34, 48, 60, 255];
    if (inRounded(x, y, 220, 300, 800, 350, 25)) colour = [233, 238, 242, 255];
    if (inRounded(x, y, 200, 450, 824, 560, 30)) colour = [255, 214, 92, 255];
    if (inRounded(x, y, 240, 482, 780, 528, 23)) colour = [34, 48, 60, 255];
    if (inRounded(x, y, 220, 660, 700, 710, 25)) colour = [233, 238, 242, 255];
    set(x, y, colour);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${png.length} bytes`);
