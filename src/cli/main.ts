import { Command, CommanderError } from 'commander';
import { InputError, formatProblem } from '../load/input-error.ts';
import { editionFile } from './editions.ts';

/**
 * The `eindrapport` command line. Each subcommand loads its stage lazily so `inspect` does not pay
 * for pdfmake and Vega. Input errors are printed once, here, as plain sentences; exit code 1.
 */
export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const program = new Command()
    .name('eindrapport')
    .description('Maakt het eindrapport van het Logius-tevredenheidsonderzoek (PDF) uit Qualtrics-data, YAML-tekst en sjablonen.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('inspect')
    .description('Toont het formaat, de respondenten en de vraagkolommen van een Qualtrics-export, en welke persoonsgegevens zijn weggelaten.')
    .argument('<bestand>', 'Qualtrics-export (CSV)')
    .action(async (file: string) => {
      const { inspectCommand } = await import('./commands/inspect.ts');
      out(inspectCommand(file));
    });

  program
    .command('aggregate')
    .description('Berekent alle aggregaten (vraag × scope × segment) en schrijft ze als JSON.')
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .option('-o, --out <bestand>', 'schrijf de JSON naar dit bestand in plaats van naar stdout')
    .option('--statistics-out <bestand>', 'schrijf ook de responsstatistiek als JSON')
    .action(async (opts: { edition: string; out?: string; statisticsOut?: string }) => {
      const { aggregateCommand } = await import('./commands/aggregate.ts');
      aggregateCommand({ editionFile: editionFile(opts.edition), out: opts.out, statisticsOut: opts.statisticsOut }, out);
    });

  program
    .command('build')
    .description('Maakt het rapport: output/eindrapport-<jaar>.pdf en het rapportmodel output/eindrapport-<jaar>.json.')
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .option('-o, --out-dir <map>', 'map voor de uitvoer', 'output')
    .action(async (opts: { edition: string; outDir: string }) => {
      const { buildCommand } = await import('./commands/build.ts');
      await buildCommand(editionFile(opts.edition), opts.outDir, out);
    });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    return reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode;
  if (e instanceof InputError) {
    for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
    const errors = e.problems.filter((p) => p.severity === 'error').length;
    process.stderr.write(`${errors} ${errors === 1 ? 'fout' : 'fouten'} gevonden; er is niets geschreven.\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`Interne fout: ${message}\nDit is een fout in eindrapport, niet in uw invoer. Meld het met deze melding erbij.\n`);
  if (process.env.EINDRAPPORT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return 2;
}
