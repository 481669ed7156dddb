// Prints the gzip size of what a first visit loads: the entry script plus every modulepreload of
// dist/web/index.html (JS), then the same for the shop-floor tablet app dist/web/shopfloor/index.html,
// JS and CSS (target ≤ 300 KB, decision 0017). Run after `npm run build:web`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib.mjs';

const dist = resolve(ROOT, 'dist/web');

/** Lists and sums the gzip -9 sizes of the /assets/ files of `page` whose names match `pattern`. */
function report(page, pattern, what) {
  const html = readFileSync(resolve(dist, page), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))].filter(
    (f) => pattern.test(f),
  );
  let total = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(resolve(dist, `.${file}`)), { level: 9 }).length;
    total += size;
    console.log(`${String(size).padStart(8)}  ${file}`);
  }
  console.log(
    `${String(total).padStart(8)}  ${what}, gzip -9 (${files.length} files, ${(total / 1024).toFixed(1)} KiB)`,
  );
  return total;
}

report('index.html', /\.js$/, 'initial JS');
if (existsSync(resolve(dist, 'shopfloor/index.html'))) {
  console.log('\n/shopfloor (车间报工 tablet app):');
  report('shopfloor/index.html', /\.(js|css)$/, '/shopfloor entry JS + CSS');
}
