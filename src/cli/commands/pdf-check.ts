import { existsSync } from 'node:fs';
import { InputError, problem } from '../../load/input-error.ts';
import { formatNumber } from '../../analyse/dutch-number.ts';
import { checkPdf } from '../../check/pdf/check-pdf.ts';

/**
 * `eindrapport pdf-check <bestand.pdf>`: what can be proven here about a tagged PDF (PDF/UA-1,
 * PDF/A-2a) — structure, marked content, metadata, fonts, qpdf. Exit code 1 when there are problems.
 */
export async function pdfCheckCommand(file: string, out: (s: string) => void): Promise<number> {
  if (!existsSync(file)) {
    throw new InputError(problem({ file }, 'Dit bestand bestaat niet.', 'Geef het pad van een PDF, bijvoorbeeld output/eindrapport-2018.pdf.'));
  }
  const r = await checkPdf(file);
  const f = r.facts;
  out(
    `${file}: ${formatNumber(f.pages)} pagina's, ${formatNumber(f.elements)} structuurelementen ` +
      `(${formatNumber(f.headings)} koppen, ${formatNumber(f.figures)} figuren, ${formatNumber(f.tables)} tabellen, ${formatNumber(f.links)} links), ` +
      `${formatNumber(f.markedContent)} gemarkeerde stukken inhoud.`,
  );
  if (!r.problems.length) {
    out('Geen problemen gevonden: alle inhoud is getagd of Artifact, structuur, metadata, lettertypen en qpdf --check zijn in orde.');
    out('Dit bewijst niet alles van PDF/UA en PDF/A: laat een uitgever ook veraPDF en PAC draaien.');
    return 0;
  }
  for (const p of r.problems) out(`- ${p}`);
  out(`${formatNumber(r.problems.length)} ${r.problems.length === 1 ? 'probleem' : 'problemen'} gevonden.`);
  return 1;
}
