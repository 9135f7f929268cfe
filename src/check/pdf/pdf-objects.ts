import { execFileSync } from 'node:child_process';

/**
 * A PDF's object graph as qpdf's JSON (version 2) shows it: names as "/Name", text strings as
 * "u:…", references as "12 0 R". Used by the PDF checker to read the catalog, the structure tree,
 * annotations and fonts without a PDF library of our own.
 */
export type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
export type PdfDict = { [key: string]: PdfValue };

export class PdfObjects {
  private constructor(
    private readonly objects: Record<string, { value?: PdfValue; stream?: { dict: PdfDict; data?: string } }>,
    /** Page object references in page order. */
    readonly pages: string[],
    readonly trailer: PdfDict,
  ) {}

  /** Runs `qpdf --json`; throws when qpdf is missing or cannot read the file. */
  static read(file: string): PdfObjects {
    const out = execFileSync('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=none', file], {
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    });
    const json = JSON.parse(out) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfDict } }>] };
    const objects = json.qpdf[1];
    const trailer = (objects.trailer?.value ?? {}) as PdfDict;
    return new PdfObjects(objects, json.pages.map((p) => p.object), trailer);
  }

  /** The object a reference points to (a dictionary or a stream's dictionary); other values as they are. */
  get(v: PdfValue | undefined): PdfValue | undefined {
    if (typeof v === 'string' && /^\d+ \d+ R$/.test(v)) {
      const o = this.objects[`obj:${v}`];
      if (!o) return undefined;
      return o.value ?? o.stream?.dict;
    }
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.get(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
  }

  /** An array value (direct or referenced); a single value as a one-element array, references kept. */
  array(v: PdfValue | undefined): PdfValue[] {
    const a = this.get(v);
    if (Array.isArray(a)) return a;
    return a === undefined || a === null ? [] : [v!];
  }

  isStream(v: PdfValue | undefined): boolean {
    return typeof v === 'string' && !!this.objects[`obj:${v}`]?.stream;
  }

  get catalog(): PdfDict {
    return this.dict(this.trailer['/Root']) ?? {};
  }

  /** Every object that is a dictionary or a stream dictionary, with its reference. */
  *all(): Generator<[string, PdfDict]> {
    for (const [key, o] of Object.entries(this.objects)) {
      if (!key.startsWith('obj:')) continue;
      const d = o.value ?? o.stream?.dict;
      if (d && typeof d === 'object' && !Array.isArray(d)) yield [key.slice(4), d as PdfDict];
    }
  }
}

/** A PDF text string from qpdf's JSON ("u:…" or "b:hex") as text. */
export function pdfText(v: PdfValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  if (v.startsWith('u:')) return v.slice(2);
  if (v.startsWith('b:')) return Buffer.from(v.slice(2), 'hex').toString('latin1');
  return null;
}

/** The raw bytes of one stream (the XMP metadata). */
export function streamData(file: string, ref: string): string {
  const id = ref.split(' ')[0]!;
  return execFileSync('qpdf', [`--show-object=${id}`, '--filtered-stream-data', file], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}
