import { writeFileSync } from 'node:fs';
import { writeOutputsTogether } from '../../src/output/write-together.ts';

/**
 * Child process for the kill test of writeOutputsTogether: writes numbered sets of three files
 * (r.json, r/index.html, r.pdf) into the folder given, one after another, until it is killed.
 * Writes without flushing to disk, so the time goes to the replacing, where a kill matters.
 * Prints "klaar" after the first complete set.
 */
export function main([dir]: string[]): Promise<number> {
  const quick = { writeFile: (path: string, data: string | Uint8Array) => writeFileSync(path, data) };
  for (let i = 0; ; i++) {
    writeOutputsTogether(
      dir!,
      [
        { name: 'r.json', data: `set ${i}` },
        { name: 'r/index.html', data: `set ${i}` },
        { name: 'r.pdf', data: `set ${i}` },
      ],
      quick,
    );
    if (i === 0) process.stdout.write('klaar\n');
  }
}
