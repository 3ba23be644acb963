import type { ApiHandlers } from '../../../shared/api';
import type { codersMethods } from '../../../shared/api/contract-coders';
import { renderAgreementCsv } from '../agreement/agreement-csv';
import { getAgreementReport } from '../agreement/agreement-report';
import type { CoreContext } from '../context';
import { adjudicate } from './adjudicate';
import { markCodingDone, setDoubleCoding } from './blind-coding';
import { getCoder, setCoder } from './coder-settings';
import { listCoders } from './coder-list';

/** Handlers for the methods in shared/api/contract-coders.ts. */
export function createCodersHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof codersMethods> {
  return {
    getCoder: () => getCoder(context),
    setCoder: (request) => setCoder(context, request),
    listCoders: () => listCoders(context),
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
