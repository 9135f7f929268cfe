import { measureText, weightOf } from '../../../src/render/charts/text-metrics.ts';

/** A <text> of a Vega SVG with its absolute anchor and measured extent (points). */
export interface PlacedText {
  text: string;
  left: number;
  right: number;
  y: number;
  fontSize: number;
}

function translate(attrs: string): [number, number] {
  const m = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(attrs);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Every text element with group translations applied (Vega writes only translate transforms). */
export function placedTexts(svg: string): PlacedText[] {
  const out: PlacedText[] = [];
  const stack: [number, number][] = [[0, 0]];
  const tokens = /<(\/?)(g|text)\b([^>]*)>(?:([^<]*)<\/text>)?/g;
  for (let m = tokens.exec(svg); m; m = tokens.exec(svg)) {
    const [, closing, tag, attrs = '', content] = m;
    const [ox, oy] = stack[stack.length - 1]!;
    if (tag === 'g') {
      if (closing) stack.pop();
      else if (attrs.endsWith('/')) continue;
      else {
        const [dx, dy] = translate(attrs);
        stack.push([ox + dx, oy + dy]);
      }
      continue;
    }
    const [x, y] = translate(attrs);
    const fontSize = Number(/font-size="([\d.]+)px"/.exec(attrs)?.[1] ?? 11);
    const weight = weightOf(/font-weight="([^"]+)"/.exec(attrs)?.[1]);
    const text = unescape(content ?? '');
    const width = measureText(text, fontSize, weight);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const left = ox + x - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
    out.push({ text, left, right: left + width, y: oy + y, fontSize });
  }
  return out;
}
