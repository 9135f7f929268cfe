import { statSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { noteKind, noteListing } from './input-record.ts';

/**
 * Input files held in memory instead of on disk: `diff --rev` reads a revision's texts from git
 * into such a tree, so no copy of a revision (with the export's personal data beside it) is ever
 * written to a temporary folder. While a tree is active (`withInputTree`), every read of the load
 * stage below its root is answered from memory only; paths outside it are read from disk.
 */
export interface InputTree {
  /** An absolute path that stands for the tree's top folder; nothing on disk is read below it. */
  root: string;
  /** Relative path with '/' → content. */
  files: Map<string, Buffer>;
}

interface ActiveTree extends InputTree {
  dirs: Set<string>;
}

let active: ActiveTree | null = null;

/** Runs `fn` (synchronous: the load stage is) with `tree` answering the reads below its root. */
export function withInputTree<T>(tree: InputTree, fn: () => T): T {
  const dirs = new Set<string>(['']);
  for (const f of tree.files.keys()) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const before = active;
  active = { ...tree, root: resolve(tree.root), dirs };
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** The path relative to the active tree's root ('/'-separated), or undefined when no tree holds it. */
function inTree(path: string): { tree: ActiveTree; rel: string } | undefined {
  if (!active) return undefined;
  const rel = relative(active.root, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return { tree: active, rel: sep === '/' ? rel : rel.split(sep).join('/') };
}

/** The content of a file of the active tree; undefined when the path is not in a tree (read it from disk). */
export function treeFile(path: string): { data: Buffer | null } | undefined {
  const t = inTree(path);
  if (!t) return undefined;
  return { data: t.tree.files.get(t.rel) ?? null };
}

/** What is at a path: a file, a folder, something else (a device, a pipe) or nothing. */
export function inputKind(path: string): 'file' | 'dir' | 'other' | null {
  const t = inTree(path);
  if (t) return t.tree.files.has(t.rel) ? 'file' : t.tree.dirs.has(t.rel) ? 'dir' : null;
  const kind = kindOnDisk(path);
  noteKind(path, kind);
  return kind;
}

function kindOnDisk(path: string): 'file' | 'dir' | 'other' | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
  } catch {
    return null;
  }
}

/** The names in a folder (files and folders), empty when it does not exist. */
export function listInputDir(dir: string): string[] {
  const t = inTree(dir);
  if (t) {
    const prefix = t.rel === '' ? '' : `${t.rel}/`;
    const names = new Set<string>();
    for (const f of [...t.tree.files.keys(), ...t.tree.dirs]) {
      if (f.startsWith(prefix) && f.length > prefix.length) names.add(f.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  noteListing(dir, names);
  return names;
}

/** Whether a tree is active: what is read then is a revision's, not what lies on disk. */
export function inputTreeActive(): boolean {
  return active !== null;
}
