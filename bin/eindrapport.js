#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so a fresh clone needs no compile step.
import './v8-flags.js';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
