import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Which inputs a computation of the load stage looked at, and what it found there: a hash of each
 * file it read, the kind of each path it asked about (file, folder, something else, nothing) and
 * the names in each folder it listed. read-input.ts and input-tree.ts, the only places where the
 * load stage touches the disk, report every look here; input-memo.ts keeps a result together
 * with these fingerprints and reuses it only while every one of them is still the same.
 */
export type InputLook = 'read' | 'kind' | 'list';
export type InputFingerprint = [look: InputLook, path: string, seen: string];

/** The recordings in progress, innermost last: a look counts for each of them. */
const recordings: Map<string, InputFingerprint>[] = [];
/** While the cache compares its fingerprints with the disk, those looks are not part of any result. */
let paused = 0;

/** Runs `fn` and returns, beside its value, every input it looked at. */
export function recordInputs<T>(fn: () => T): { value: T; inputs: InputFingerprint[] } {
  const seen = new Map<string, InputFingerprint>();
  recordings.push(seen);
  try {
    return { value: fn(), inputs: [...seen.values()] };
  } finally {
    recordings.pop();
  }
}

/** Runs `fn` without recording what it looks at. */
export function unrecorded<T>(fn: () => T): T {
  paused++;
  try {
    return fn();
  } finally {
    paused--;
  }
}

function recording(): boolean {
  return recordings.length > 0 && paused === 0;
}

/** Counts the inputs a reused result looked at for the recordings in progress. */
export function noteInputs(inputs: readonly InputFingerprint[]): void {
  if (!recording()) return;
  for (const input of inputs) for (const r of recordings) r.set(`${input[0]}\0${input[1]}`, input);
}

/** What a read found: a hash of the bytes. */
export function bytesFingerprint(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('base64url');
}

export function noteRead(path: string, data: Uint8Array): void {
  if (recording()) noteInputs([['read', resolve(path), bytesFingerprint(data)]]);
}

export function noteKind(path: string, kind: string | null): void {
  if (recording()) noteInputs([['kind', resolve(path), String(kind)]]);
}

export function noteListing(dir: string, names: readonly string[]): void {
  if (recording()) noteInputs([['list', resolve(dir), names.join('\0')]]);
}
