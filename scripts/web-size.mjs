// Prints the gzip size of the JS a first visit loads: the entry script plus every modulepreload of
// dist/web/index.html. Run after `npm run build:web`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib.mjs';

const dist = resolve(ROOT, 'dist/web');
const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
const files = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(resolve(dist, `.${file}`)), { level: 9 }).length;
  total += size;
  console.log(`${String(size).padStart(8)}  ${file}`);
}
console.log(
  `${String(total).padStart(8)}  initial JS, gzip -9 (${files.length} files, ${(total / 1024).toFixed(1)} KiB)`,
);
