import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, previousEdition } from '../../../src/report-model.ts';
import type { Snippet } from '../../../src/load/content.ts';
import { narrativeEnv, type NarrativeEnv } from '../../../src/model/narrative/helpers.ts';
import { renderSnippet } from '../../../src/model/narrative/render-snippet.ts';
import { ROOT } from '../../helpers/paths.ts';
import { WORDING } from '../../helpers/wording.ts';

// 2019 against 2018: groups large enough for a test to tell a difference from chance.
const { survey, aggregates } = buildModel(join(ROOT, 'content/2019/edition.yaml'));
const env: NarrativeEnv = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, sectionNumbers: new Map(), previous: previousEdition(survey) }, WORDING);

function render(source: string, scope: string): string {
  const snippet: Snippet = { file: 'narrative/product.yaml', key: 'voorbeeld', paragraphs: [source], lines: [1] };
  return renderSnippet(env, snippet, { scope, group: null, variables: { product: scope } }, 'x').map((b) => b.text).join('\n');
}

describe('words follow significance', () => {
  it('calls a product positiever or minder positief only when significant and at least the minimum', () => {
    // Digimelding, N 30: +16,5 points on current knowledge, z = 2,3 → a difference.
    expect(render('{{vergelijking "kennis-up-to-date"}}', 'Digimelding')).toBe('positiever dan Logius als geheel');
    // Digikoppeling, N 61: −22,6 points on solving outages, z = −4,3.
    expect(render('{{vergelijking "storingen-snel-opgelost"}}', 'Digikoppeling')).toBe('minder positief dan Logius als geheel');
    // Digilevering, N 23: −16,3 points on solving outages, but z = −1,8: could be chance.
    expect(render('{{vergelijking "storingen-snel-opgelost"}}', 'Digilevering')).toBe('vergelijkbaar met Logius als geheel');
    // DigiD, N 187: −6,7 points on product wishes, significant (z = −2,9) and above 5 points …
    expect(render('{{vergelijking "open-voor-productwensen"}}', 'DigiD')).toBe('minder positief dan Logius als geheel');
    // … but below a minimum of 7 points it is not called a difference.
    expect(render('{{vergelijking "open-voor-productwensen" drempel=7}}', 'DigiD')).toBe('vergelijkbaar met Logius als geheel');
  });

  it('names a change since last year only when it is significant: not MijnOverheid’s +5,3 at N 19', () => {
    expect(render('{{verschil "servicecentrum-bruikbare-adviezen" "positief"}}', 'MijnOverheid')).toBe('vergelijkbaar met 2018');
    // Logius as a whole, N 524 → 559: +8,0 points on the website and social media.
    expect(render('{{verschil "tevreden-website-twitter-linkedin" "positief" scope="organisatie"}}', 'MijnOverheid')).toBe('8 procentpunt hoger dan in 2018');
  });
});
