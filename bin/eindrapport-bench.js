#!/usr/bin/env node
// `npm run bench [import|build]`
import './v8-flags.js';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
