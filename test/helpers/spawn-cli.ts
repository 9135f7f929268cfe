import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** A CLI run in its own process (for long-running commands): what it printed so far, and its exit. */
export interface SpawnedCli {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  exited: Promise<number | null>;
}

/** Starts `bin/eindrapport.js` with these arguments in a child process and collects its output. */
export function spawnCli(args: string[], env?: NodeJS.ProcessEnv): SpawnedCli {
  const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), ...args], { cwd: ROOT, ...(env ? { env } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
  };
}
