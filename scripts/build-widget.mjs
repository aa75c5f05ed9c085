// Builds the site-chat widget: the loader shops embed (widget.js) and the chat app the
// frame loads (app.js, app.css), into web/widget/dist (git-ignored). esbuild comes with tsx.
// Skips quietly while the widget sources are absent, so `npm install` never fails on it.
import { existsSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('../web/widget/', import.meta.url));
const outDir = process.argv[2] ?? `${root}dist`;

if (!existsSync(`${root}src/loader.ts`)) {
  console.log('relais: web/widget not present, widget build skipped');
  process.exit(0);
}
const { build } = await import('esbuild');
const common = { bundle: true, minify: true, target: ['es2020', 'chrome100', 'firefox100', 'safari15'], legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [`${root}src/loader.ts`], outfile: `${outDir}/widget.js`, format: 'iife' });
await build({ ...common, entryPoints: [`${root}src/app/main.ts`], outfile: `${outDir}/app.js`, format: 'iife' });
await build({ ...common, entryPoints: [`${root}src/app.css`], outfile: `${outDir}/app.css` });
