import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/render/chart-images.ts';
import type { RectDatum, TextDatum } from '../../../src/render/charts/marks.ts';
import { measureText } from '../../../src/render/charts/text-metrics.ts';
import { theme } from '../../../src/render/charts/theme.ts';
import { aggregate, agreement, fixtureBlock, KNOWN, LONG_STATEMENT, respondentsFixture, stackedChart, TONES } from './fixtures.ts';

const options = { width: 451, decimals: 1, tones: TONES };
const SCALE_COLOURS = [theme.colours.scale.negative[1], theme.colours.scale.negative[0], theme.colours.scale.neutral, theme.colours.scale.positive[0], theme.colours.scale.positive[1]];
const SCALE = ['Zeer oneens', 'Oneens', 'Neutraal', 'Eens', 'Zeer eens'];

interface Layer {
  data?: { name: string };
  encoding?: { color?: { scale?: { domain?: string[]; range?: string[] } | null; legend?: { columns?: number } | null } };
}

function data(spec: TopLevelSpec): Record<string, (RectDatum & TextDatum)[]> {
  return (spec as { datasets: Record<string, (RectDatum & TextDatum)[]> }).datasets;
}
function texts(spec: TopLevelSpec, name: string): string[] {
  return (data(spec)[name] ?? []).map((d) => d.text);
}
function colourScale(spec: TopLevelSpec) {
  const layers = (spec as { layer: Layer[] }).layer;
  const rects = layers.find((l) => l.data?.name === 'rects');
  return rects?.encoding?.color;
}

describe('stacked bars (likert, segments, value summary, yes/no)', () => {
  const spec = stackedChart([{ label: 'Totaal', aggregate: KNOWN }], options);

  it('colours answers by their place in the scale, not their wording: another wording gets the same colours', () => {
    const worded = aggregate({ 'Helemaal mee oneens': 30, 'Mee oneens': 61, 'Niet eens, niet oneens': 120, 'Mee eens': 182, 'Helemaal mee eens': 91 });
    const tones = { 'Helemaal mee oneens': 'negative-2', 'Mee oneens': 'negative-1', 'Niet eens, niet oneens': 'neutral', 'Mee eens': 'positive-1', 'Helemaal mee eens': 'positive-2' } as const;
    const s = stackedChart([{ label: '', aggregate: worded }], { ...options, tones });
    expect(colourScale(s)?.scale?.range).toEqual(SCALE_COLOURS);
  });

  it('colours each answer with its theme colour, legend in scale order', () => {
    const color = colourScale(spec);
    expect(color?.scale?.domain).toEqual(SCALE);
    expect(color?.scale?.range).toEqual(SCALE_COLOURS);
    expect(color?.legend?.columns).toBe(5);
  });

  it('labels segments with one decimal and a decimal comma, and shows N', () => {
    expect(texts(spec, 'values')).toEqual(['6,2%', '12,6%', '24,8%', '37,6%', '18,8%']);
    expect(texts(spec, 'counts')).toEqual(['N = 484']);
  });

  it('prints the percentage from `display`, sizes segments by the unrounded percentage', () => {
    const a = { ...KNOWN, display: { ...KNOWN.display, 'Zeer eens': 18.9 } };
    const s = stackedChart([{ label: '', aggregate: a }], options);
    expect(texts(s, 'values')).toContain('18,9%');
    const rects = data(s)['rects']!;
    const widths = rects.map((r) => r.x2 - r.x);
    expect(widths[4]! / widths[0]!).toBeCloseTo(91 / 30, 2);
  });

  it('hides a percentage that does not fit its segment, and every shown one fits', () => {
    const s = stackedChart([{ label: 'Totaal', aggregate: agreement(2, 61, 120, 182, 91) }], options);
    const values = data(s)['values']!;
    expect(values.map((v) => v.text)).not.toContain('0,4%');
    const rects = data(s)['rects']!;
    for (const v of values) {
      const rect = rects.find((r) => r.x <= v.x && v.x <= r.x2 && r.y <= v.y && v.y <= r.y2)!;
      expect(measureText(v.text, theme.fontSize.value)).toBeLessThanOrEqual(rect.x2 - rect.x);
    }
  });

  it("adds last year's bar under each row, labelled with the year and its own N", () => {
    const s = stackedChart([{ label: 'DigiD', aggregate: KNOWN, previous: agreement(40, 70, 100, 150, 90) }], {
      ...options,
      previousYearLabel: '2017',
    });
    expect(texts(s, 'years')).toEqual(['2017']);
    expect(texts(s, 'counts')).toEqual(['N = 484', 'N = 450']);
    const rects = data(s)['rects']!;
    const tops = [...new Set(rects.map((r) => r.y))];
    expect(tops).toHaveLength(2);
  });

  it('adds the usefulness scale\'s "Niet van toepassing" at the end, in the "other" colour', () => {
    const s = stackedChart([{ label: '', aggregate: agreement(5, 9, 40, 80, 22, ['Niet van toepassing', 60]) }], options);
    const color = colourScale(s);
    expect(color?.scale?.domain).toEqual([...SCALE, 'Niet van toepassing']);
    expect(color?.scale?.range?.at(-1)).toBe(theme.colours.other);
  });

  it('keeps everything within the requested width', () => {
    for (const width of [220, 300, 451]) {
      const s = stackedChart([{ label: LONG_STATEMENT, aggregate: KNOWN }], { ...options, width });
      for (const r of data(s)['rects']!) expect(r.x2).toBeLessThanOrEqual(width);
      for (const t of data(s)['rowLabels']!) expect(t.x + measureText(t.text, theme.fontSize.label)).toBeLessThanOrEqual(width);
    }
  });
});

describe('segments chart', () => {
  it('draws one bar per given segment, in the given order', () => {
    const rows = [
      { label: 'Totaal', aggregate: KNOWN },
      { label: 'B-categorie', aggregate: agreement(1, 2, 5, 10, 4) },
      { label: 'C-categorie', aggregate: agreement(29, 58, 114, 170, 86) },
    ];
    const s = stackedChart(rows, options);
    expect(texts(s, 'rowLabels')).toEqual(['Totaal', 'B-categorie', 'C-categorie']);
    expect(texts(s, 'counts')).toEqual(['N = 484', 'N = 22', 'N = 457']);
  });
});

describe('value-summary chart', () => {
  const rows = [
    { label: 'Ik kan erop vertrouwen dat de dienstverlening van Logius beschikbaar en veilig is.', aggregate: KNOWN },
    { label: LONG_STATEMENT, aggregate: agreement(5, 20, 110, 250, 90) },
  ];

  it('wraps long statements over several lines within the fixed label column', () => {
    const s = stackedChart(rows, options, 'fixed');
    const lines = data(s)['rowLabels']!;
    const column = options.width * theme.layout.labelColumnFixed;
    expect(lines.length).toBeGreaterThan(rows.length + 2);
    for (const l of lines) expect(measureText(l.text, theme.fontSize.label)).toBeLessThanOrEqual(column);
    expect(lines.map((l) => l.text).join(' ')).toBe(rows.map((r) => r.label).join(' '));
    expect(texts(s, 'counts')).toEqual(['N = 484', 'N = 475']);
  });

  it('starts the bars at the same place whatever the statements', () => {
    const a = stackedChart(rows, options, 'fixed');
    const b = stackedChart([{ label: 'Kort', aggregate: KNOWN }], options, 'fixed');
    expect(data(a)['rects']![0]!.x).toBe(data(b)['rects']![0]!.x);
  });
});

describe('yes/no chart', () => {
  const yesNo = aggregate({ Ja: 269, Nee: 344 }, 'yesno');

  it('draws one 100% bar with Ja/Nee in their theme colours', () => {
    const s = chartSpec(fixtureBlock('yesno', [{ label: 'Totaal', aggregate: yesNo }]), options);
    expect(colourScale(s)?.scale?.domain).toEqual(['Ja', 'Nee']);
    expect(colourScale(s)?.scale?.range).toEqual([theme.colours.yesNo.yes, theme.colours.yesNo.no]);
    expect(texts(s, 'values')).toEqual(['43,9%', '56,1%']);
    expect(texts(s, 'counts')).toEqual(['N = 613']);
    expect(data(s)['rects']![0]!.x).toBe(0);
  });

  it('takes rows as well', () => {
    const s = stackedChart([{ label: 'Totaal', aggregate: yesNo }, { label: 'DigiD', aggregate: aggregate({ Ja: 3, Nee: 120 }, 'yesno') }], options);
    expect(texts(s, 'rowLabels')).toEqual(['Totaal', 'DigiD']);
  });
});

describe('multiselect chart', () => {
  const a = aggregate({ Inhoud: 40, Leesbaarheid: 25, Vindbaarheid: 61 }, 'multiselect');
  const multi = { ...a, n: 143, percentages: { Inhoud: 27.97, Leesbaarheid: 17.48, Vindbaarheid: 42.66 }, display: { Inhoud: 28, Leesbaarheid: 17.5, Vindbaarheid: 42.7 } };

  it('draws a bar per option with its share of N, and N in a note', () => {
    const s = chartSpec(fixtureBlock('multiselect', [{ label: 'Totaal', aggregate: multi }]), options);
    expect(texts(s, 'rowLabels')).toEqual(['Inhoud', 'Leesbaarheid', 'Vindbaarheid']);
    expect(texts(s, 'values')).toEqual(['28,0%', '17,5%', '42,7%']);
    expect(texts(s, 'notes').join(' ')).toMatch(/^N = 143; meer antwoorden mogelijk/);
    const rects = data(s)['rects']!;
    expect(rects.every((r) => r.category === theme.colours.multiselect)).toBe(true);
    expect(Math.max(...rects.map((r) => r.x2)) + measureText('42,7%', theme.fontSize.value)).toBeLessThanOrEqual(options.width);
  });
});

describe('respondents chart', () => {
  it('prints count and share per product', () => {
    const s = chartSpec(
      respondentsFixture([
        { product: 'DigiD', responded: 269, share: 43.88 },
        { product: 'MijnOverheid', responded: 1470, share: 23.98 },
      ]),
      options,
    );
    expect(texts(s, 'values')).toEqual(['269 (43,9%)', '1.470 (24,0%)']);
    expect(data(s)['rects']!.every((r) => r.category === theme.colours.respondents)).toBe(true);
  });
});
