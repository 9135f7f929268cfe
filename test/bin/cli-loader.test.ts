import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MINI_EDITION, ROOT } from '../helpers/paths.ts';

/** Runs `script` (ES module text) in a new Node process with the CLI's V8 flags, as bin/eindrapport.js does. */
function node(script: string, env: NodeJS.ProcessEnv = {}): string {
  const loader = pathToFileURL(join(ROOT, 'bin/cli-loader.js')).href;
  const flags = pathToFileURL(join(ROOT, 'bin/v8-flags.js')).href;
  return execFileSync(process.execPath, ['--input-type=module', '-e', `import '${flags}'; import { loadCli } from '${loader}';\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** bin/cli-loader.js: the bundle with its code cache, or the modules of dist/. */
describe('loading the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = { bundle: join(dir, 'cli.cjs'), codeCache: join(dir, 'cli.cjs.codecache'), entry: join(dir, 'main.mjs') };
  writeFileSync(files.entry, "export const main = () => 'modules';\n");
  writeFileSync(files.bundle, "exports.main = () => 'bundle ' + require('node:path').basename(__filename) + ' ' + typeof module.exports;\n");
  const load = (extra = '') => JSON.parse(node(`const cli = await loadCli({ ...${JSON.stringify(files)}${extra} }); console.log(JSON.stringify({ from: cli.from, codeCache: cli.codeCache, main: await cli.main() }));`));
  const older = (file: string) => utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));

  it('runs the bundle as CommonJS, without a code cache at first, then with the one its run wrote', () => {
    older(files.entry);
    expect(load()).toEqual({ from: 'bundle', codeCache: 'absent', main: 'bundle cli.cjs object' });
    expect(load(', writeCache: true')).toEqual({ from: 'bundle', codeCache: 'absent', main: 'bundle cli.cjs object' });
    expect(readFileSync(files.codeCache).length).toBeGreaterThan(0);
    expect(load()).toEqual({ from: 'bundle', codeCache: 'accepted', main: 'bundle cli.cjs object' });
  });

  it('runs the bundle when V8 rejects its code cache (another Node, damaged), or the file is no code cache', () => {
    const cache = readFileSync(files.codeCache);
    const body = cache.indexOf(10) + 1;
    for (let i = body; i < cache.length; i += 7) cache[i] = cache[i]! ^ 0xff;
    writeFileSync(files.codeCache, cache);
    expect(load()).toEqual({ from: 'bundle', codeCache: 'rejected', main: 'bundle cli.cjs object' });
    writeFileSync(files.codeCache, 'geen code cache');
    expect(load()).toEqual({ from: 'bundle', codeCache: 'absent', main: 'bundle cli.cjs object' });
  });

  it("compiles the package modules the bundle requires from the cache too, never from a cache of other source", () => {
    const pkg = join(dir, 'node_modules', 'pakket');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'index.js'), "module.exports = { woord: 'appel' };\n");
    writeFileSync(files.bundle, "exports.main = () => require('pakket').woord;\n");
    rmSync(files.codeCache, { force: true });
    const run = (extra = '') =>
      JSON.parse(node(`const cli = await loadCli({ ...${JSON.stringify(files)}${extra} }); const main = await cli.main(); console.log(JSON.stringify({ main, codeCache: cli.codeCache, counts: cli.counts }));`));
    expect(run(', writeCache: true')).toEqual({ main: 'appel', codeCache: 'absent', counts: { accepted: 0, rejected: 0, absent: 2 } });
    expect(run()).toEqual({ main: 'appel', codeCache: 'accepted', counts: { accepted: 2, rejected: 0, absent: 0 } });
    // Changed source of the same length: V8 alone would take the old code.
    writeFileSync(join(pkg, 'index.js'), "module.exports = { woord: 'peren' };\n");
    expect(run()).toEqual({ main: 'peren', codeCache: 'partly', counts: { accepted: 1, rejected: 0, absent: 1 } });
  });

  it('runs the modules of dist/ when the bundle is older than them, or missing', () => {
    older(files.bundle);
    writeFileSync(files.entry, "export const main = () => 'modules';\n");
    expect(load()).toMatchObject({ from: 'modules', main: 'modules' });
    rmSync(files.bundle);
    expect(load()).toMatchObject({ from: 'modules', main: 'modules' });
  });

  it('compile leaves a bundle the CLI runs with an accepted code cache', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/eindrapport.js'), '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, EINDRAPPORT_CODE_CACHE: 'report' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('build');
    expect(run.stderr).toContain('cli: bundle, codecache: accepted');
  });

  it('the bundle builds a report byte for byte as the modules of dist/ do', () => {
    const out = { bundle: join(dir, 'out-bundle'), modules: join(dir, 'out-modules') };
    const run = (extra: string, outDir: string) =>
      node(`const cli = await loadCli(${extra}); process.exitCode = await cli.main(['node', 'eindrapport', 'build', '--edition', ${JSON.stringify(MINI_EDITION)}, '--out-dir', ${JSON.stringify(outDir)}]);`, {
        EINDRAPPORT_CACHE_DIR: join(dir, `cache-${extra ? 'modules' : 'bundle'}`),
      });
    run('', out.bundle);
    run(`{ bundle: ${JSON.stringify(join(dir, 'geen-bundel.cjs'))} }`, out.modules);
    // The report's files (not the folders of earlier versions beside them, which have random names).
    const names = execFileSync('find', ['-L', '.', '-type', 'f', '-not', '-path', './.*'], { cwd: out.modules, encoding: 'utf8' }).trim().split('\n').sort();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(readFileSync(join(out.bundle, name)).equals(readFileSync(join(out.modules, name))), name).toBe(true);
  });
});
