import { Command, CommanderError } from 'commander';
import { InputError, formatProblem } from '../load/input-error.ts';
import { editionFile } from '../load/edition-file.ts';

/**
 * The `eindrapport` command line. Each subcommand loads its stage lazily so `inspect` does not pay
 * for pdfmake and Vega. Input errors are printed once, here, as plain sentences; exit code 1.
 */
export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  let exitCode = 0;
  const program = new Command()
    .name('eindrapport')
    .description('Maakt het eindrapport van het Logius-tevredenheidsonderzoek (PDF) uit Qualtrics-data, YAML-tekst en sjablonen.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('inspect')
    .description('Toont het formaat, de respondenten en de vraagkolommen van een Qualtrics-export, en welke persoonsgegevens zijn weggelaten.')
    .argument('<bestand>', 'Qualtrics-export (CSV)')
    .option('-e, --edition <jaar>', 'pas de regels onder responses: van deze editie toe (jaar of pad); anders de standaardregels')
    .action(async (file: string, opts: { edition?: string }) => {
      const { inspectCommand } = await import('./commands/inspect.ts');
      out(inspectCommand(file, opts.edition ? editionFile(opts.edition) : undefined));
    });

  program
    .command('init')
    .description(
      'Zet een nieuwe editie klaar uit een Qualtrics-export: neemt de vorige editie over, herkent de vragen aan ImportId en ' +
        'vraagtekst, stelt nieuwe vragen op (met soort en schaal uit de .qsf als die er is), zoekt de producten en drukt een ' +
        'takenlijst af. Wat het niet kan weten, staat als "TE DOEN: …" in de bestanden; check en build melden dat tot het is ingevuld.',
    )
    .argument('<jaar>', 'het jaar van de nieuwe editie')
    .requiredOption('--from <export>', 'de Qualtrics-export (CSV) van dit jaar')
    .option('--qsf <bestand>', 'de vragenlijst uit Qualtrics (.qsf): soort vraag, keuzes, codes en routering')
    .option('--previous <editie>', 'de vorige editie (jaar of pad naar edition.yaml)')
    .option('--out <map>', 'map voor de nieuwe editie (standaard content/<jaar>)')
    .option('--force', 'vervang de map als die al bestaat')
    .addHelpText('after', '\nVoorbeeld:\n  eindrapport init 2020 --from exports/tevredenheid-2020.csv --qsf exports/tevredenheid-2020.qsf --previous 2019')
    .action(async (year: string, opts: { from: string; qsf?: string; previous?: string; out?: string; force?: boolean }) => {
      const { initCommand } = await import('./commands/init.ts');
      initCommand(
        {
          year,
          exportFile: opts.from,
          qsfFile: opts.qsf,
          previousEditionFile: opts.previous ? editionFile(opts.previous) : undefined,
          outDir: opts.out ?? `content/${year}`,
          force: opts.force,
        },
        out,
      );
    });

  program
    .command('aggregate')
    .description('Berekent alle aggregaten (vraag × scope × segment) en schrijft ze als JSON.')
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .option('-o, --out <bestand>', 'schrijf de JSON naar dit bestand in plaats van naar stdout')
    .option('--statistics-out <bestand>', 'schrijf ook de responsstatistiek als JSON')
    .option('--include-suppressed', 'alleen voor intern gebruik: schrijf ook de aantallen van groepen die het rapport weglaat')
    .addHelpText('after', '\nGroepen die het rapport weglaat (te weinig respondenten, of weggelaten zodat zo\'n groep niet door aftrekken is uit te rekenen)\nstaan in de uitvoer alleen als weggelaten, zonder aantallen, tenzij --include-suppressed.')
    .action(async (opts: { edition: string; out?: string; statisticsOut?: string; includeSuppressed?: boolean }) => {
      const { aggregateCommand } = await import('./commands/aggregate.ts');
      aggregateCommand(
        { editionFile: editionFile(opts.edition), out: opts.out, statisticsOut: opts.statisticsOut, includeSuppressed: opts.includeSuppressed },
        out,
        (s) => process.stderr.write(`${s}\n`),
      );
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

  program
    .command('diff')
    .description(
      'Vergelijkt twee rapporten op structuur, cijfers en tekst (niet op opmaak) en schrijft de verschillen als PDF: twee edities (2018 2019), twee rapportmodellen (.json) of twee versies van één editie uit git (--rev).',
    )
    .argument('[a]', 'oude kant: editie (jaar of pad naar edition.yaml) of rapportmodel (.json); met --rev: de editie')
    .argument('[b]', 'nieuwe kant: editie of rapportmodel')
    .option('-o, --out <bestand>', 'schrijf de PDF hierheen (standaard output/diff-<a>-<b>.pdf)')
    .option('-f, --format <formaat>', 'pdf: alleen de PDF; md: ook de verschillen als Markdown op stdout', 'pdf')
    .option('-t, --threshold <punten>', 'markeer significante verschuivingen van minstens zoveel procentpunten', '5')
    .option('-r, --rev <revisie>', 'git-revisie van de editie; één keer: die revisie tegen de werkmap, twee keer: oud tegen nieuw', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('-e, --edition <jaar>', 'editie voor --rev (jaar of pad naar edition.yaml; standaard de nieuwste)')
    .addHelpText(
      'after',
      '\nVoorbeelden:\n  eindrapport diff 2018 2019\n  eindrapport diff output/eindrapport-2018.json output/eindrapport-2019.json --format md\n  eindrapport diff --rev HEAD~3 --edition 2019      (concept van drie commits terug tegen de werkmap)\n  eindrapport diff --rev v1.0 --rev v1.1 --edition 2019',
    )
    .action(async (a: string | undefined, b: string | undefined, opts: { out?: string; format: string; threshold: string; rev: string[]; edition?: string }) => {
      const { diffCommand } = await import('./commands/diff.ts');
      await diffCommand({ a, b, revs: opts.rev, edition: opts.edition, out: opts.out, format: opts.format, threshold: opts.threshold }, out);
    });

  program
    .command('check')
    .description(
      'Controleert alle inhoud van een editie zonder de PDF te maken: YAML, helpers, vraagsleutels, antwoorden, producten en ' +
        'paragrafen, met de hand getypte percentages en woorden (positief, positiever dan …) tegen de data, ontbrekende en ' +
        'ongebruikte teksten. Elke melding noemt bestand, regel en wat te doen. Stopt met code 1 bij een fout; alleen waarschuwingen: code 0.',
    )
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .action(async (opts: { edition: string }) => {
      const { checkCommand } = await import('./commands/check.ts');
      exitCode = checkCommand(editionFile(opts.edition), out);
    });

  program
    .command('pdf-check')
    .description(
      'Controleert een PDF op wat hier te bewijzen is voor PDF/UA-1 en PDF/A-2a: alle inhoud getagd of Artifact, elke MCID bij ' +
        'een structuurelement, figuren met alternatieve tekst, kopniveaus, tabellen met kopcellen, getagde links, catalogus en XMP, ' +
        'ingebedde lettertypen en qpdf --check. Stopt met code 1 bij een probleem. Vervangt veraPDF en PAC niet.',
    )
    .argument('<bestand>', 'de PDF')
    .action(async (file: string) => {
      const { pdfCheckCommand } = await import('./commands/pdf-check.ts');
      exitCode = await pdfCheckCommand(file, out);
    });

  program
    .command('watch')
    .description(
      'Maakt het rapport en maakt het opnieuw zodra teksten, sjablonen, vragenlijst of data veranderen; meldt wat veranderde en ' +
        'waar de PDF staat. Bij een fout verschijnen dezelfde meldingen als bij check en blijft de laatste goede PDF staan. Stoppen: Ctrl+C.',
    )
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .option('-o, --out-dir <map>', 'map voor de uitvoer', 'output')
    .action(async (opts: { edition: string; outDir: string }) => {
      const { watchCommand } = await import('./commands/watch.ts');
      await watchCommand(editionFile(opts.edition), opts.outDir, out);
    });

  program
    .command('preview')
    .description(
      'Toont de webeditie op http://127.0.0.1:<poort>/ (alleen op deze computer) en werkt de pagina bij zodra teksten, sjablonen, ' +
        'vragenlijst of data veranderen: alleen rapportmodel en webeditie worden opnieuw gemaakt, wat veranderde komt in beeld en ' +
        'wordt gemarkeerd. Een fout verschijnt in de pagina met dezelfde meldingen als bij check; de laatste goede versie blijft ' +
        'eronder staan. De PDF wordt gemaakt met de knop in de pagina. Stoppen: Ctrl+C.',
    )
    .option('-e, --edition <jaar>', 'editie (jaar of pad naar edition.yaml)', '2018')
    .option('-o, --out-dir <map>', 'map voor de uitvoer', 'output')
    .option('-p, --port <poort>', 'poort op 127.0.0.1 (0: een vrije poort)', '4000')
    .action(async (opts: { edition: string; outDir: string; port: string }) => {
      const { previewCommand } = await import('./commands/preview.ts');
      await previewCommand(editionFile(opts.edition), opts.outDir, opts.port, out);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
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
