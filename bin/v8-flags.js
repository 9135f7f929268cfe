// V8 settings for a whole `eindrapport` process, set before any of its code runs.
//
// TurboFan inlines nothing: a build is short, and optimising pdfmake's and pdfkit's large
// functions with everything they call inlined cost more than it gave. TurboFan compiles on V8's
// background threads, and on these 2-core machines those took ≈ 3 s of CPU in a 3.6 s cold build:
// the second core was all but full before any worker thread of ours. Without inlining they take
// ≈ 1.8 s, the main thread no more than before, and whole builds got faster (2018, empty cache, 3
// interleaved runs each under load ≈ 7: wall 11.4 → 8.6 s, CPU 7.4 → 6.0 s, main thread 3.8 →
// 3.9 s; four builds in one process, as `watch` does: no slower). Unlike heap sizes, which V8
// fixes when the isolate is made (a --max-semi-space-size set here changed nothing: 61
// scavenges with and without it), this flag is read by each compile job, so it works from here.
import v8 from 'node:v8';

v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=0');
