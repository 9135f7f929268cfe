#!/usr/bin/env node
// Runs one TypeScript entry point (generator, benchmark) through tsx with the remaining arguments.
import './v8-flags.js';
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...rest];
const mod = await import(pathToFileURL(resolve(entry)).href);
if (typeof mod.main === 'function') process.exitCode = await mod.main(rest);
