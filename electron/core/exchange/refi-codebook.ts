import type { Codebook } from '../../../shared/model';
import { buildCodeTree, renderCodes } from './refi-codes';

/**
 * The codebook as a REFI-QDA codebook file (.qdc, QDA-XML codebook 1.0), valid against
 * Codebook.xsd: the code tree of {@link buildCodeTree}, for other QDA tools to import.
 */
export function renderRefiCodebook(codebook: Codebook): string {
  const { codes } = buildCodeTree(codebook);
  return `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Stancebook">
  <Codes>
${renderCodes(codes, '    ')}
  </Codes>
</CodeBook>
`;
}
