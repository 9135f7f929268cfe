#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` through the `prepare` script, or `npm run compile`).
import './v8-flags.js';

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/cli/main.js')) {
    console.error('eindrapport is nog niet gecompileerd: voer eerst `npm ci` of `npm run compile` uit (maakt dist/).');
    process.exit(1);
  }
  throw err;
}
process.exitCode = await main(process.argv);
