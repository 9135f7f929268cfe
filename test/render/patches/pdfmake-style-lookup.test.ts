import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchPdfmakeStyleLookup } from '../../../src/render/patches/pdfmake-style-lookup.ts';
import { PDFMAKE_VERSION } from '../../../src/render/patches/pinned-versions.ts';

const require = createRequire(import.meta.url);
const stackFile = require.resolve('pdfmake/js/StyleContextStack.js');

interface Stack {
  push(s: unknown): void;
  pop(n?: number): void;
  clone(): Stack;
  getProperty(p: string): unknown;
  namedStyleMemo?: Map<string, Map<string, unknown>>;
}
interface StackClass {
  new (dictionary: unknown, defaultStyle?: unknown): Stack;
  getStyleProperty(item: object | string, stack: Stack | null, property: string, defaultValue: unknown): unknown;
  prototype: Stack;
}

/** pdfmake's StyleContextStack as shipped, loaded apart from the patched module (same file, own module). */
function unpatchedStack(): StackClass {
  const module = { exports: {} as { default: StackClass } };
  const source = readFileSync(stackFile, 'utf8');
  new Function('exports', 'require', 'module', source)(module.exports, createRequire(stackFile), module);
  return module.exports.default;
}

patchPdfmakeStyleLookup();
const Patched = (require('pdfmake/js/StyleContextStack.js') as { default: StackClass }).default;
const Original = unpatchedStack();

const PROPS = ['font', 'fontSize', 'bold', 'color', 'lineHeight', 'margin'];
const NAMES = ['a', 'b', 'c', 'd', 'missing'];

const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.constantFrom('Roboto', '#123456'));
const style = fc.record(
  {
    ...Object.fromEntries(PROPS.map((p) => [p, value])),
    extends: fc.oneof(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const dictionary = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), style);
const override = fc.oneof(fc.constantFrom(...NAMES), fc.record(Object.fromEntries(PROPS.map((p) => [p, value])), { requiredKeys: [] }));
const item = fc.record({ style: fc.oneof(fc.constantFrom(...NAMES), fc.array(override, { maxLength: 2 })), ...Object.fromEntries(PROPS.map((p) => [p, value])) }, { requiredKeys: [] });

describe('pdfmake style lookup, remembered per layout (patch)', () => {
  it('is written for the installed (pinned) pdfmake version', () => {
    expect((require('pdfmake/package.json') as { version: string }).version).toBe(PDFMAKE_VERSION);
  });

  it('took effect: the stack pdfmake uses is the patched one and remembers named styles', () => {
    expect(Patched.prototype.getProperty).not.toBe(Original.prototype.getProperty);
    const stack = new Patched({ h1: { fontSize: 20, extends: 'base' }, base: { font: 'Roboto' } }, { fontSize: 10 });
    stack.push('h1');
    const clone = stack.clone();
    expect(clone.getProperty('font')).toBe('Roboto');
    expect(stack.namedStyleMemo).toBe(clone.namedStyleMemo);
    expect(stack.namedStyleMemo?.get('h1')?.get('font')).toBe('Roboto');
  });

  it('answers what pdfmake answers: styles, extends (also in cycles), overrides, defaults, items, after pushes and pops', () => {
    const step = fc.oneof(
      fc.record({ push: override }),
      fc.record({ pop: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ clone: fc.constant(true) }),
      fc.record({ ask: fc.constantFrom(...PROPS), item }),
    );
    fc.assert(
      fc.property(dictionary, fc.array(step, { maxLength: 30 }), (dict, steps) => {
        const defaults = { fontSize: 12, font: 'Roboto' };
        let [patched, original] = [new Patched(dict, defaults), new Original(dict, defaults)];
        for (const s of steps) {
          if ('push' in s) [patched, original].forEach((st) => st.push(s.push));
          else if ('pop' in s) [patched, original].forEach((st) => st.pop(s.pop));
          else if ('clone' in s) [patched, original] = [patched.clone(), original.clone()];
          else {
            // Asked twice: the second answer comes from the memo.
            for (let i = 0; i < 2; i++) {
              expect(patched.getProperty(s.ask)).toEqual(original.getProperty(s.ask));
              expect(Patched.getStyleProperty(s.item, patched, s.ask, 'default')).toEqual(Original.getStyleProperty(s.item, original, s.ask, 'default'));
              expect(Patched.getStyleProperty('text', patched, s.ask, 'default')).toEqual(Original.getStyleProperty('text', original, s.ask, 'default'));
            }
          }
        }
        for (const p of PROPS) expect(Patched.getStyleProperty({}, null, p, 7)).toBe(Original.getStyleProperty({}, null, p, 7));
      }),
      { numRuns: 500 },
    );
  });
});
