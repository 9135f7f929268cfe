import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report-model.ts';
import { blocksOfType, visitBlocks, walkModel } from '../../src/model/visit-blocks.ts';
import type { AnyBlock } from '../../src/model/report-types.ts';
import { MINI_EDITION } from '../helpers/paths.ts';

const { model } = buildModel(MINI_EDITION);

describe('the report model @2', () => {
  it('gives every block a unique id and a role from the tagged-PDF vocabulary', () => {
    const ids: string[] = [];
    const roles = new Set<string>();
    visitBlocks(model, (b) => {
      ids.push(b.id);
      roles.add(`${b.type}:${b.role}`);
    });
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...roles].sort()).toEqual(['caption:P', 'chart:Figure', 'figure:Div', 'list:L', 'note:P', 'paragraph:P', 'table:Table']);
  });

  it('puts every chart and every statement in a figure', () => {
    visitBlocks(model, (b, place) => {
      if (b.type === 'chart' || b.type === 'caption') expect(place.figure, b.id).not.toBeNull();
    });
    expect(blocksOfType(model, 'figure').every((f) => f.blocks.length > 0)).toBe(true);
  });

  it('names each chapter its kind and product key, and gives every heading its printed text and level', () => {
    const chapters: string[] = [];
    walkModel(model, {
      chapter: (c, part) => {
        chapters.push(`${c.kind}:${c.productKey ?? '-'}`);
        expect(c.heading).toBe(c.number === null ? c.title : `${c.number} ${c.title}`);
        expect(c.headingLevel).toBe(part.title === null ? 1 : 2);
      },
      section: (s, c) => {
        expect(s.heading).toBe(s.number === null ? s.title : `${s.number} ${s.title}`);
        expect(s.headingLevel).toBe(c.headingLevel + 1);
      },
    });
    expect(chapters).toEqual([
      'summary:-', 'introduction:-', 'values:-', 'processes:-',
      'values:alfa', 'processes:alfa', 'values:beta', 'processes:beta',
      'methodology:-', 'appendix:-',
    ]);
  });

  it('names narrative files relative to the edition, whatever the working directory', () => {
    const files = new Set<string>();
    visitBlocks(model, (b: AnyBlock) => {
      if (b.type === 'paragraph' || b.type === 'list') files.add(b.source.file);
    });
    expect([...files].sort()).toEqual([...files].filter((f) => f === 'templates/report.yaml' || /^narrative\/[\w/-]+\.yaml$/.test(f)).sort());
    expect(files).toContain('narrative/rapport.yaml');
  });

  it('visits containers before their blocks and figures before their members, in reading order', () => {
    const seen: string[] = [];
    walkModel(model, {
      part: (p) => seen.push(`part ${p.id}`),
      chapter: (c) => seen.push(`chapter ${c.id}`),
      block: (b, place) => {
        if (b.type === 'figure' || place.figure) seen.push(`${place.figure ? 'member' : 'figure'} ${b.id}`);
      },
    });
    const figure = seen.findIndex((s) => s.startsWith('figure '));
    expect(seen[figure + 1]).toMatch(/^member /);
    expect(seen.indexOf('part deel-2')).toBeLessThan(seen.indexOf('chapter alfa-waarden'));
  });
});
