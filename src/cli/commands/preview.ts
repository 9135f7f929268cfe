import { untilStopped } from '../until-stopped.ts';
import { InputError, problem } from '../../load/input-error.ts';
import { startPreview } from '../../preview/preview.ts';

/**
 * `eindrapport preview`: serves the web edition on 127.0.0.1 and keeps it up to date until
 * Ctrl+C. Messages go to `print`.
 */
export async function previewCommand(editionFile: string, outDir: string, portText: string, print: (s: string) => void): Promise<void> {
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new InputError(problem({ file: '--port' }, `'${portText}' is geen poortnummer.`, 'Geef een getal van 1 tot 65535, of 0 voor een vrije poort.'));
  }
  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
  print('Eerste build van de webeditie …');
  // Listening from the start, as in watch: a stop during the first build cleans up.
  const stopped = untilStopped();
  const preview = startPreview({ editionFile, outDir, port, print, sourceDateEpoch: epoch });
  try {
    await preview.ready;
  } catch (e) {
    await preview.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new InputError(problem({ file: '--port' }, `poort ${port} is al in gebruik.`, 'Kies een andere met --port, of --port 0 voor een vrije poort.'));
    }
    throw e;
  }
  await stopped;
  await preview.close();
  print('Gestopt.');
}
