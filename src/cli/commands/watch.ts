import { untilStopped } from '../until-stopped.ts';
import { startWatch } from '../../watch/watcher.ts';

/**
 * `eindrapport watch`: rebuilds the PDF on every change until Ctrl+C. Messages go to `print`;
 * resolves when the watch is stopped (SIGINT or SIGTERM).
 */
export async function watchCommand(editionFile: string, outDir: string, print: (s: string) => void): Promise<void> {
  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
  print('Eerste build …');
  // Listening from the start: a stop during the first build (and its warm-up in a temporary
  // folder) waits for it and cleans up, instead of ending the process on the spot.
  const stopped = untilStopped();
  const watcher = startWatch({ editionFile, outDir, print, sourceDateEpoch: epoch });
  await watcher.ready;
  await stopped;
  await watcher.close();
  print('Gestopt.');
}
