import { createHash } from 'node:crypto';
import { deflate as deflateOnPool, deflateSync } from 'node:zlib';

import { pdfkitModule } from './pdfkit-module.ts';

/** The parts of PDFKit's PDFDocument (pdfkit 0.19) this patch touches. */
interface PdfDocument {
  _offset: number;
  _security?: unknown;
  /** Appends a chunk (a string gets a newline) to the file and counts its bytes in `_offset`. */
  _write(chunk: unknown): void;
  /** Records where a reference was written; writes the cross-reference table after the last one. */
  _refEnd(ref: PdfReference): void;
  destroy(error: Error): void;
}

/** The parts of PDFKit's PDFReference (pdfkit 0.19) this patch touches. */
interface PdfReference {
  document: PdfDocument;
  id: number;
  data: Record<string, unknown>;
  compress: boolean;
  uncompressedLength: number;
  offset?: number;
  /** The stream's chunks until finalize concatenates (and compresses) them. */
  buffer: Uint8Array[];
  [PENDING]?: string[];
  write(chunk: unknown): void;
  finalize(): void;
}

const PENDING = Symbol('pending text');

/** Compressed streams by a hash of their bytes; emptied when it grows past its bound. */
const deflated = new Map<string, Buffer>();
let deflatedBytes = 0;
const DEFLATED_LIMIT = 64 * 1024 * 1024;

function remember(key: string, out: Buffer): void {
  if (deflatedBytes + out.length > DEFLATED_LIMIT) {
    deflated.clear();
    deflatedBytes = 0;
  }
  deflated.set(key, out);
  deflatedBytes += out.length;
}

/** Text chunks written so far, as one buffer after the chunks before them. */
function flush(ref: PdfReference): void {
  const pending = ref[PENDING];
  if (!pending?.length) return;
  ref.buffer.push(Buffer.from(pending.join(''), 'binary'));
  ref[PENDING] = [];
}

/**
 * A finished object waiting for the objects ended before it to be written: what PDFKit would
 * write for it (`chunks`), or null while its stream is being compressed.
 */
interface Waiting {
  ref: PdfReference;
  chunks: unknown[] | null;
}

/** Per document: its finished objects not yet written, in the order they ended. */
interface Queue {
  items: Waiting[];
  /** Index of the first one not yet written. */
  head: number;
}

const queues = new WeakMap<PdfDocument, Queue>();

/**
 * Stands in for a stream's /Length while it is compressed: PDFObject.convert writes it with
 * `${value}` (its tag makes it no plain object), and the number replaces it when it is known.
 */
const LENGTH = { [Symbol.toStringTag]: 'Length', toString: () => '\uffffLength\uffff' };

let patched = false;

/**
 * PDFKit writes a page's content operator by operator, each as a Buffer of its own (hundreds of
 * thousands for the report), and compresses each stream with deflateSync when it ends (a page when
 * the next begins). Here:
 * - the operators collect as text and become one Buffer when the stream ends (the same bytes:
 *   PDFKit encodes them as 'binary', one byte per character);
 * - a stream is compressed on libuv's thread pool (zlib's async deflate: same input, same
 *   settings, same bytes as deflateSync), while the main thread draws the next pages. The
 *   objects are still written in the order they ended, each as PDFKit would have written it at
 *   that moment (its dictionary is serialised then, with a stand-in for the stream's /Length), so
 *   the offsets in the cross-reference table and every byte are what they were; PDFKit writes the
 *   table when the last object is out (`_refEnd`, as it does for objects that end late);
 * - a stream whose bytes were compressed before in this process takes that result (a watch
 *   rebuild compresses only the pages that changed).
 * An encrypted document (none of ours) is written as PDFKit does. A failed compression destroys
 * the document with the error (renderPdf rejects). Depends on PDFKit 0.19's PDFReference (`write`,
 * `finalize`, `buffer`, `compress`, `offset`) and PDFDocument (`_write`, `_offset`, `_refEnd`);
 * the version is pinned (pinned-versions.ts); idempotent.
 */
export function patchPdfkitStreams(): void {
  if (patched) return;
  patched = true;
  const PDFDocument = pdfkitModule<{ prototype: { ref(this: unknown, data: object): PdfReference } }>();
  // A reference made for a stand-in document, only to reach PDFReference's prototype.
  const proto = Object.getPrototypeOf(PDFDocument.prototype.ref.call({ _offsets: [], _waiting: 0, compress: true }, {})) as PdfReference;
  const write = proto.write;
  const finalize = proto.finalize;
  if (typeof write !== 'function' || typeof finalize !== 'function') throw new Error('PDFKit: PDFReference.write/finalize not found (version changed?)');

  /** What PDFKit's finalize writes for `ref` now, recorded instead of written. */
  const record = (ref: PdfReference): unknown[] => {
    const doc = ref.document;
    const chunks: unknown[] = [];
    ref.document = { _offset: doc._offset, _security: doc._security, _write: (c: unknown) => chunks.push(c), _refEnd: () => {} } as unknown as PdfDocument;
    try {
      finalize.call(ref);
    } finally {
      ref.document = doc;
    }
    return chunks;
  };

  /** Writes the waiting objects from the first on, up to one whose stream is still being compressed. */
  const drain = (doc: PdfDocument, queue: Queue): void => {
    const { items } = queue;
    while (queue.head < items.length) {
      const next = items[queue.head]!;
      if (!next.chunks) return;
      items[queue.head++] = undefined as unknown as Waiting;
      next.ref.offset = doc._offset;
      for (const chunk of next.chunks) doc._write(chunk);
      doc._refEnd(next.ref);
    }
    queue.items = [];
    queue.head = 0;
  };

  /** As PDFKit's finalize, with the stream compressed already (`out`). */
  const finalizeCompressed = (ref: PdfReference, out: Buffer): void => {
    ref.buffer = [out];
    ref.compress = false;
    try {
      finalize.call(ref);
    } finally {
      ref.compress = true;
    }
  };

  proto.write = function (this: PdfReference, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      return write.call(this, chunk);
    }
    // As PDFKit's own write: the chunk and a newline, counted in bytes.
    const text = (chunk as string) + '\n';
    (this[PENDING] ??= []).push(text);
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    (this.data.Length as number) += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };

  proto.finalize = function (this: PdfReference) {
    flush(this);
    const doc = this.document;
    let queue = queues.get(doc);
    const waiting = queue !== undefined && queue.head < queue.items.length;
    if (!this.compress || !this.buffer.length) {
      if (!waiting) return finalize.call(this);
      queue!.items.push({ ref: this, chunks: record(this) });
      return;
    }
    const bytes = Buffer.concat(this.buffer);
    const key = createHash('sha1').update(bytes).digest('base64');
    const known = deflated.get(key);
    if (known && !waiting) return finalizeCompressed(this, known);
    if (doc._security) {
      // Encrypted: PDFKit encrypts the compressed bytes as it writes them; written here and now.
      const out = known ?? deflateSync(bytes);
      remember(key, out);
      return finalizeCompressed(this, out);
    }
    // The object as PDFKit would write it now, without its stream and with a stand-in /Length.
    this.buffer = [];
    this.data.Length = LENGTH;
    const recorded = record(this);
    if (recorded.length !== 3 || recorded[2] !== 'endobj' || typeof recorded[1] !== 'string' || !recorded[1].includes(String(LENGTH))) {
      throw new Error('PDFKit: PDFReference.finalize wrote an object in an unknown form (version changed?)');
    }
    const [header, dictionary] = recorded as [string, string, string];
    const item: Waiting = { ref: this, chunks: null };
    if (!queue) queues.set(doc, (queue = { items: [], head: 0 }));
    queue.items.push(item);
    const ready = (out: Buffer) => {
      this.data.Length = out.length;
      item.chunks = [header, dictionary.replace(String(LENGTH), String(out.length)), 'stream', out, '\nendstream', 'endobj'];
      drain(doc, queue);
    };
    if (known) return ready(known);
    deflateOnPool(bytes, (error, out) => {
      if (error) return doc.destroy(error);
      remember(key, out);
      ready(out);
    });
  };
}
