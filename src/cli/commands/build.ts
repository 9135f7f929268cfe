import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import { build, type BuildProgress, type Stage } from '../../build.ts';
import { formatNumber } from '../../analyse/dutch-number.ts';
import { formatProblem } from '../../load/input-error.ts';

const STAGE_TEXT: Record<Stage, string> = {
  laden: 'Gegevens, vragenlijst en teksten laden',
  analyseren: 'Aggregaten berekenen',
  model: 'Rapportmodel opbouwen',
  grafieken: 'Grafieken tekenen',
  pdf: 'PDF opmaken',
  schrijven: 'Bestanden schrijven',
};

/** Stage lines and a bar for the charts, on stderr so stdout stays clean for scripts. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  let bar: SingleBar | null = null;
  const interactive = stream.isTTY === true;
  return {
    stage(stage) {
      if (bar) {
        bar.stop();
        bar = null;
      }
      stream.write(`• ${STAGE_TEXT[stage]}\n`);
    },
    chart(done, total) {
      if (!interactive) {
        if (done === total) stream.write(`  ${total} grafieken getekend\n`);
        return;
      }
      if (!bar) {
        // Loaded only for a terminal: a build whose output goes to a file or pipe does without it.
        const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new cliProgress.SingleBar({ format: '  grafieken [{bar}] {value}/{total}', stream, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
  };
}

export async function buildCommand(editionFile: string, outDir: string, print: (s: string) => void): Promise<void> {
  const started = performance.now();
  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
  const result = await build({ editionFile, outDir, progress: terminalProgress(), sourceDateEpoch: epoch });
  const seconds = (performance.now() - started) / 1000;
  for (const w of result.warnings) process.stderr.write(`${formatProblem(w)}\n`);
  print(
    [
      `Klaar in ${formatNumber(seconds, 1)} s: ${result.pages} pagina's, ${result.charts} grafieken.`,
      `  Grafieken voor PDF en web: ${result.chartCache.misses} getekend, ${result.chartCache.hits} uit de cache.`,
      `  Invoer (gegevens met aggregaten, teksten): ${result.inputCache.misses} gelezen, ${result.inputCache.hits} uit de cache.`,
      `  PDF:  ${result.pdfPath} (${formatNumber(result.bytes / 1024, 0)} kB)`,
      `  JSON: ${result.jsonPath}`,
      `  HTML: ${result.htmlPath}`,
    ].join('\n'),
  );
}
