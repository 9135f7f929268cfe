import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

import { pdfkitModule } from './pdfkit-module.ts';

/** The parts of PDFKit's PDFReference (pdfkit 0.19) this patch touches. */
interface PdfReference {
  data: Record<string, unknown>;
  compress: boolean;
  uncompressedLength: number;
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

/** Text chunks written so far, as one buffer after the chunks before them. */
function flush(ref: PdfReference): void {
  const pending = ref[PENDING];
  if (!pending?.length) return;
  ref.buffer.push(Buffer.from(pending.join(''), 'binary'));
  ref[PENDING] = [];
}

function deflate(bytes: Buffer): Buffer {
  const key = createHash('sha1').update(bytes).digest('base64');
  const known = deflated.get(key);
  if (known) return known;
  const out = deflateSync(bytes);
  if (deflatedBytes + out.length > DEFLATED_LIMIT) {
    deflated.clear();
    deflatedBytes = 0;
  }
  deflated.set(key, out);
  deflatedBytes += out.length;
  return out;
}

let patched = false;

/**
 * PDFKit writes a page's content operator by operator, each as a Buffer of its own (hundreds of
 * thousands for the report), and compresses every stream at the end. Here the operators collect
 * as text and become one Buffer when the stream ends (the same bytes: PDFKit encodes them as
 * 'binary', one byte per character), and a stream whose bytes were compressed before in this
 * process takes that result (deflate is deterministic: the same bytes). A watch rebuild thereby
 * compresses only the pages that changed. Depends on PDFKit 0.19's PDFReference (`write`,
 * `finalize`, `buffer`, `compress`); idempotent.
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
    if (!this.compress || !this.buffer.length) return finalize.call(this);
    // Compressed here (or found compressed); PDFKit's finalize then only writes it out.
    this.buffer = [deflate(Buffer.concat(this.buffer))];
    this.compress = false;
    try {
      return finalize.call(this);
    } finally {
      this.compress = true;
    }
  };
}
