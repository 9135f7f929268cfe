import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Style = Record<string, unknown> & { extends?: string | string[] };
type StyleDictionary = Record<string, Style | undefined> | null | undefined;
type Override = string | Record<string, unknown>;

interface StyleStack {
  styleDictionary: StyleDictionary;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: Override[];
  autopush(item: unknown): number;
  push(styleNameOrOverride: Override): void;
  pop(howMany?: number): void;
  clone(): StyleStack;
  getProperty(property: string): unknown;
  /** Ours: a named style's resolved properties, shared by a stack and its clones (one layout). */
  namedStyleMemo?: Map<string, Map<string, unknown>>;
  /** Ours: what the stack gives per property, until the next push or pop. */
  stackMemo?: Map<string, unknown>;
}

interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: Record<string, unknown>, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

/**
 * pdfmake's lookup of a property in a named style, copied from StyleContextStack.getProperty
 * (0.3.11): the style itself, then the styles it `extends`, last first; a cycle ends the search.
 */
function fromNamedStyle(dictionary: StyleDictionary, styleName: string, property: string, visited = new Set<string>()): unknown {
  if (visited.has(styleName)) return undefined;
  visited.add(styleName);
  const style = dictionary?.[styleName];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromNamedStyle(dictionary, parents[i]!, property, visited);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

let patched = false;

/**
 * pdfmake looks up every text property (font, size, bold, colour, line height … 22 of them) of
 * every word by walking its whole style stack, and for each named style on it follows the
 * `extends` chain, allocating a closure and a Set per lookup: ≈ 0.3 s of a 2018 build (profile of
 * issue 14). Two memos make that a map lookup, with the same answers:
 * - a named style's value of a property is remembered per layout (a stack and its clones share
 *   it): pdfmake never writes to the style dictionary;
 * - the value the stack gives for a property is remembered until the next push or pop. Between
 *   those, pdfmake writes a style property on a node on the stack only with the value the stack
 *   gave for it (`node.font`, a table cell's `fillColor`), which leaves the answer as it was.
 * `getStyleProperty(item, …)` no longer pushes the item and its styles to pop them again: it asks
 * the item, then its named styles (last first), then the stack — the order pdfmake's push gave.
 * Depends on pdfmake internals: the version is pinned (PDFMAKE_VERSION, pinned-versions.ts); applied by
 * renderPdf before pdfmake lays out a document; idempotent. test/render/patches checks it took
 * effect and answers what pdfmake answers for random stacks, styles and items.
 */
export function patchPdfmakeStyleLookup(): void {
  if (patched) return;
  patched = true;
  const Stack = (require('pdfmake/js/StyleContextStack.js') as { default: StyleStackClass }).default;
  const proto = Stack.prototype;
  for (const name of ['getProperty', 'clone', 'push', 'pop', 'autopush'] as const) {
    if (typeof proto[name] !== 'function') throw new Error(`pdfmake: StyleContextStack.${name} not found (version changed?)`);
  }
  if (typeof Stack.getStyleProperty !== 'function') throw new Error('pdfmake: StyleContextStack.getStyleProperty not found (version changed?)');
  const { clone, push, pop } = proto;

  /** A named style's value of a property, remembered for the layout. */
  const named = (stack: StyleStack, styleName: string, property: string): unknown => {
    const memo = (stack.namedStyleMemo ??= new Map());
    let byProperty = memo.get(styleName);
    if (!byProperty) memo.set(styleName, (byProperty = new Map()));
    if (byProperty.has(property)) return byProperty.get(property);
    const value = fromNamedStyle(stack.styleDictionary, styleName, property);
    byProperty.set(property, value);
    return value;
  };

  proto.clone = function (this: StyleStack) {
    const copy = clone.call(this);
    copy.namedStyleMemo = this.namedStyleMemo ??= new Map();
    return copy;
  };
  proto.push = function (this: StyleStack, styleNameOrOverride: Override) {
    this.stackMemo = undefined;
    push.call(this, styleNameOrOverride);
  };
  proto.pop = function (this: StyleStack, howMany?: number) {
    this.stackMemo = undefined;
    pop.call(this, howMany);
  };
  proto.getProperty = function (this: StyleStack, property: string) {
    const memo = (this.stackMemo ??= new Map());
    if (memo.has(property)) return memo.get(property);
    let value: unknown = undefined;
    let found = false;
    const overrides = this.styleOverrides;
    for (let i = overrides.length - 1; i >= 0 && !found; i--) {
      const item = overrides[i]!;
      value = typeof item === 'string' ? named(this, item, property) : item[property];
      found = isValue(value);
    }
    if (!found) value = this.defaultStyle && this.defaultStyle[property];
    memo.set(property, value);
    return value;
  };
  Stack.getStyleProperty = function (item, stack, property, defaultValue) {
    if (isValue(item[property])) return item[property];
    if (!stack) return defaultValue;
    // What autopush would have put on the stack above it: the item's named styles, then the item.
    if (typeof item !== 'string' && item.section === undefined && item.style) {
      const names = (Array.isArray(item.style) ? item.style : [item.style]) as Override[];
      for (let i = names.length - 1; i >= 0; i--) {
        const entry = names[i]!;
        const value = typeof entry === 'string' ? named(stack, entry, property) : entry[property];
        if (isValue(value)) return value;
      }
    }
    const value = stack.getProperty(property);
    return isValue(value) ? value : defaultValue;
  };
}
