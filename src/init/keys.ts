/** Keys for drafted questions, options, scales and products: lower case, digits and dashes. */
const STOP = new Set(
  'de het een van ik u uw mijn en is op in te dat met voor bij aan om er zijn ben heb wordt worden die dit deze over of als ook the a an of to is this and for with your you i my are be please what which how do did'.split(' '),
);

export function slug(text: string, maxWords = 5): string {
  const words = text
    .replace(/\$\{[^}]*\}/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));
  return words.slice(0, maxWords).join('-');
}

/** Hands out keys unique within one list: "inhoud", "inhoud-2", … */
export class KeyRing {
  private readonly used: Set<string>;

  constructor(existing: Iterable<string> = []) {
    this.used = new Set(existing);
  }

  take(text: string, fallback: string): string {
    const base = slug(text) || slug(fallback) || 'vraag';
    let key = base;
    for (let n = 2; this.used.has(key); n++) key = `${base}-${n}`;
    this.used.add(key);
    return key;
  }
}
