import { initEdition, type InitOptions } from '../../init/init-edition.ts';
import { InputError, problem } from '../../load/input-error.ts';

/**
 * `eindrapport init <jaar> --from <export.csv>`: writes the new edition folder and prints what was
 * found, what was done that needs checking, and the to-do list (every "TE DOEN" with its place).
 */
export function initCommand(opts: Omit<InitOptions, 'year'> & { year: string }, print: (s: string) => void): void {
  if (!/^\d{4}$/.test(opts.year)) {
    throw new InputError(problem({ file: '(opdrachtregel)' }, `'${opts.year}' is geen jaartal.`, 'Bijvoorbeeld: eindrapport init 2020 --from export-2020.csv --previous 2019'));
  }
  const result = initEdition({ ...opts, year: Number(opts.year) });
  print(`Editie ${opts.year} geschreven in ${result.outDir} (${result.files.length} bestanden).`);
  for (const s of result.summary) print(`  ${s}`);
  if (result.notes.length) {
    print('\nGedaan, graag controleren:');
    for (const n of result.notes) print(`  - ${n}`);
  }
  if (result.openItems.length) {
    print(`\nNog te beslissen (${result.openItems.length}; check en build melden ze tot ze zijn ingevuld):`);
    for (const o of result.openItems) print(`  ${o.file}:${o.line}: ${o.text}`);
  }
  print(`\nDaarna: npx eindrapport check --edition ${opts.year}`);
}
