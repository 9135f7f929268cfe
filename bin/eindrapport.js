#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` through the `prepare` script, or `npm run compile`).
// EINDRAPPORT_CODE_CACHE=report tells on stderr how it was loaded; =write remakes the code cache
// (bin/bundle.js does, after bundling).
import './v8-flags.js';
import { loadCli } from './cli-loader.js';

let cli;
try {
  cli = await loadCli({ writeCache: process.env.EINDRAPPORT_CODE_CACHE === 'write' });
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/cli/main.js')) {
    console.error('eindrapport is nog niet gecompileerd: voer eerst `npm ci` of `npm run compile` uit (maakt dist/).');
    process.exit(1);
  }
  throw err;
}
process.exitCode = await cli.main(process.argv);
if (process.env.EINDRAPPORT_CODE_CACHE === 'report') console.error(`cli: ${cli.from}, codecache: ${cli.codeCache} ${JSON.stringify(cli.counts ?? {})}`);
