import { renderPdf } from '../src/render/pdf/write-pdf.ts';
import { reportDocument, untagged } from '../test/helpers/report-document.ts';

/**
 * The cost of tagging alone: the same report document rendered with and without tagging,
 * alternating (the machines are noisy), after one warm-up of each. Prints a JSON line.
 */
export async function main([edition, runs = '7']: string[]): Promise<number> {
  const doc = await reportDocument(edition!);
  const time = async (d: Parameters<typeof renderPdf>[0]) => {
    const t0 = performance.now();
    const pdf = await renderPdf(d);
    return { s: (performance.now() - t0) / 1000, kb: pdf.length / 1000 };
  };
  await time(doc());
  await time(untagged(doc()));
  const tagged: number[] = [];
  const plain: number[] = [];
  let kb = { tagged: 0, plain: 0 };
  for (let i = 0; i < Number(runs); i++) {
    const a = await time(doc());
    const b = await time(untagged(doc()));
    tagged.push(a.s);
    plain.push(b.s);
    kb = { tagged: a.kb, plain: b.kb };
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(JSON.stringify({ taggedSeconds: median(tagged), untaggedSeconds: median(plain), ratio: median(tagged) / median(plain), taggedKB: kb.tagged, untaggedKB: kb.plain, tagged, plain }));
  return 0;
}
