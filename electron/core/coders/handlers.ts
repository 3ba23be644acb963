import type { ApiHandlers } from '../../../shared/api';
import type { codersMethods } from '../../../shared/api/contract-coders';
import { renderAgreementCsv } from '../agreement/agreement-csv';
import { coderNames, getAgreementReport } from '../agreement/agreement-report';
import type { CoreContext } from '../context';
import { adjudicate } from './adjudicate';
import { markCodingDone, setDoubleCoding } from './blind-coding';
import { getCoder, setCoder } from './coder-settings';

/** Handlers for the methods in shared/api/contract-coders.ts. */
export function createCodersHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof codersMethods> {
  return {
    getCoder: () => getCoder(context),
    setCoder: (request) => setCoder(context, request),
    listCoders: async () => {
      // One article's claims at a time, folded into the names: holding every claim at once was
      // hundreds of MB at 50,000 articles (500,000 claims).
      const names = new Map<string, string | null>();
      for (const article of context.store.listArticles()) {
        if (article.claimCount > 0) coderNames(await context.store.getClaims(article.id), names);
      }
      const me = await getCoder(context);
      if (me) names.set(me.id, me.name);
      return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
    },
    setDoubleCoding: ({ articleId, blind }) => setDoubleCoding(context, articleId, blind),
    markCodingDone: ({ articleId, done }) => markCodingDone(context, articleId, done),
    getAgreementReport: async (request) => getAgreementReport(context, request, await getCoder(context)),
    exportAgreementReport: async (request) => ({
      filename: 'agreement.csv',
      mimeType: 'text/csv; charset=utf-8',
      content: renderAgreementCsv(await getAgreementReport(context, request, await getCoder(context)), context.store.getCodebook()),
      encoding: 'utf8',
    }),
    adjudicate: (request) => adjudicate(context, request),
  };
}
