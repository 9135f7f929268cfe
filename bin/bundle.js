#!/usr/bin/env node
// `npm run compile`, after tsc: the CLI in one file, dist/eindrapport.cjs, with V8's code cache.
//
// Node 20 loads dist/ as some 250 ES modules (ours, Vega's, Vega-Lite's, zod's, …), each resolved,
// read, compiled and linked on its own, and compiles every function again on its first call in
// every process: ≈ 0.7 s of a 3.5 s cold build of 2018. Bundled into one CommonJS file, the
// CLI is one script; V8's code cache of that script, taken after a build of the bundled 2018
// edition, holds the bytecode of every function that build ran, so the next process compiles
// almost nothing. bin/cli-loader.js loads the bundle with its cache (or dist/, when the bundle is
// missing or older than dist). The cache is compiled code, made here from the code alone: no input
// of a user is in it. Packages our code loads through createRequire — pdfmake, pdfkit and fontkit
// (patched where they are), Handlebars, yaml, csv-parse, cli-progress — stay outside the bundle,
// as do sirv and better-sse (preview), so each is still one copy; bin/cli-loader.js compiles
// them from the code cache as well. ES-module-only packages (pdf.js, chokidar) are in the bundle:
// CommonJS cannot require them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, CODE_CACHE } from './cli-loader.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Loaded through createRequire (and the preview's sirv and better-sse): one copy each, from node_modules. */
const EXTERNAL = [
  'pdfmake', 'pdfmake/*', 'pdfkit', 'pdfkit/*', 'fontkit', 'handlebars', 'handlebars/*', 'yaml', 'csv-parse', 'csv-parse/*',
  'cli-progress', 'sirv', 'better-sse',
];

/**
 * Each module keeps its own `import.meta.url` (the URL of its file): ours find templates, fonts
 * and caches relative to themselves, pdf.js its worker.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = `__moduleUrl(${JSON.stringify(relative(dist, args.path))})`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const result = await build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: EXTERNAL,
  // vega-canvas would await import('canvas') at its top level, which CommonJS cannot; charts never
  // use a canvas of node-canvas (text is measured with fontkit, drawings record their own calls).
  // Vega-Lite takes four functions of vega-util through the umbrella package `vega`, which would
  // bring all of Vega: it gets vega-util itself (src/render/charts/vega-libraries.ts).
  alias: { 'vega-canvas': join(root, 'bin/vega-canvas-none.js'), vega: 'vega-util' },
  banner: { js: `var __moduleUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;` },
  plugins: [moduleUrls],
  logLevel: 'warning',
  legalComments: 'none',
  // Whitespace and comments out, names kept (stack traces): a smaller file to read at each start,
  // and pure ASCII (esbuild escapes the rest), which bin/cli-loader.js reads as latin1, byte for byte.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
});
if (result.errors.length > 0) process.exit(1);
// esbuild leaves regular expression literals as written; there a \uXXXX escape means the same
// character (also in a pair of surrogates, with and without the u flag). So the file is ASCII.
const text = readFileSync(BUNDLE, 'utf8');
// (Not after a backslash: there the escape would become a backslash and the letters "uXXXX".)
if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${BUNDLE}: een niet-ASCII-teken na een backslash; kan het niet als \\uXXXX schrijven.`);
writeFileSync(BUNDLE, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The code cache: a build of 2018 in scratch folders, by the bundle, which writes its cache on exit.
rmSync(CODE_CACHE, { force: true });
const scratch = mkdtempSync(join(tmpdir(), 'eindrapport-codecache-'));
try {
  const run = spawnSync(process.execPath, [join(root, 'bin/eindrapport.js'), 'build', '--edition', '2018', '--out-dir', join(scratch, 'out')], {
    cwd: root,
    env: { ...process.env, EINDRAPPORT_CACHE_DIR: join(scratch, 'cache'), EINDRAPPORT_CODE_CACHE: 'write' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    // Without a cache the bundle still runs, only slower: say so, and go on without the partial one.
    rmSync(CODE_CACHE, { force: true });
    process.stderr.write(`Let op: geen codecache gemaakt (de build van 2018 om hem te maken mislukte):\n${run.stderr}\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
