import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';
import { InputError, problem } from './input-error.ts';
import { treeFile } from './input-tree.ts';
import { noteRead } from './input-record.ts';

/**
 * Reads one input file (YAML, template, export) with the limits every input has: a regular file
 * (never a device such as /dev/zero, a FIFO or a socket, which would hang or never end) of at most
 * `maxBytes`. Opened once and checked on the open descriptor, so what is checked is what is read.
 */
export function readInputFile(path: string, file: string, limit: { maxBytes: number; what: string }): Buffer {
  const held = treeFile(path);
  if (held) return checkedInMemory(held.data, file, limit);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not block before we can refuse it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(problem({ file }, readErrorMessage(e), 'Controleer de bestandsnaam en het pad.'));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(problem({ file }, 'dit is een map, geen bestand.', 'Geef het pad van een bestand.'));
    if (!stat.isFile()) {
      throw new InputError(
        problem({ file }, 'dit is geen gewoon bestand (maar bijvoorbeeld een apparaat, pipe of socket) en wordt niet gelezen.', `Geef het pad van ${limit.what} op schijf.`),
      );
    }
    checkSize(stat.size, file, limit);
    const buf = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buf, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const data = read === stat.size ? buf : buf.subarray(0, read);
    noteRead(path, data);
    return data;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(problem({ file }, readErrorMessage(e), 'Controleer de bestandsnaam en het pad.'));
  } finally {
    closeSync(fd);
  }
}

/** A file of an in-memory tree (see input-tree.ts), with the same limits as one on disk. */
function checkedInMemory(data: Buffer | null, file: string, limit: { maxBytes: number; what: string }): Buffer {
  if (data === null) throw new InputError(problem({ file }, readErrorMessage({ code: 'ENOENT' }), 'Controleer de bestandsnaam en het pad.'));
  checkSize(data.length, file, limit);
  return data;
}

function checkSize(size: number, file: string, limit: { maxBytes: number; what: string }): void {
  if (size <= limit.maxBytes) return;
  throw new InputError(
    problem(
      { file },
      `het bestand is te groot: ${megabytes(size)}, de grens voor ${limit.what} is ${megabytes(limit.maxBytes)}.`,
      'Controleer of dit het goede bestand is; splits of verklein het anders.',
    ),
  );
}

export function readErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'het bestand bestaat niet.';
    case 'EISDIR':
      return 'dit is een map, geen bestand.';
    case 'EACCES':
    case 'EPERM':
      return 'het bestand mag niet worden gelezen (geen leesrechten).';
    default:
      return `het bestand kan niet worden gelezen${code ? ` (${code})` : ''}.`;
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1).replace('.', ',') : Math.round(mb)} MB`;
}
