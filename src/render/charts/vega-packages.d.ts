// Vega's core packages ship no types of their own (the `vega` umbrella carries them); the chart
// renderer takes what it needs from them by name (vega-libraries.ts, typed there as VegaCore).
declare module 'vega-dataflow';
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'vega-parser';
declare module 'vega-view';
declare module 'vega-scenegraph';
