// vega-canvas for the bundle (bin/bundle.js): the same module without node-canvas, which is not
// installed here; vega-canvas itself then answers as this does (no canvas, no image in Node).
export function domCanvas(w, h) {
  if (typeof document !== 'undefined' && document.createElement) {
    const c = document.createElement('canvas');
    if (c && c.getContext) {
      c.width = w;
      c.height = h;
      return c;
    }
  }
  return null;
}
const domImage = () => (typeof Image !== 'undefined' ? Image : null);
export function nodeCanvas() {
  return null;
}
export function canvas(w, h) {
  return domCanvas(w, h) || null;
}
export function image() {
  return domImage() || null;
}
