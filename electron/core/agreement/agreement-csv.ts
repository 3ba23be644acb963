import Papa from 'papaparse';
import type { AgreementReport } from '../../../shared/api/contract-coders';
import type { Claim, Codebook } from '../../../shared/model';
import { neutraliseFormula } from '../exchange/csv-export';

export const AGREEMENT_CSV_COLUMNS = [
  'span',
  'status',
  'differs',
  'article',
  'quote',
  'coder',
  'actors',
  'issue',
  'stance',
  'proposition',
  'claim id',
] as const;

/**
 * The report's spans as a spreadsheet, one row per claim: matched spans (numbered, with what the
 * coders coded differently) and then unmatched ones, each claim with its coder and coding by name.
 * Formula injection is neutralised in every cell, as in the other CSV exports.
 */
export function renderAgreementCsv(report: AgreementReport, codebook: Codebook): string {
  const actor = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issue = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const stance = new Map(codebook.stances.map((s) => [s.id, s.label]));
  const coder = new Map(report.coders.map((c) => [c.id, c.name ?? c.id]));
  const row = (span: string, status: string, differs: string, article: string, claim: Claim) =>
    [
      span,
      status,
      differs,
      article,
      claim.target.quote.exact,
      coder.get(claim.createdBy ?? '') ?? claim.createdBy ?? '',
      claim.actorIds.map((id) => actor.get(id) ?? id).join('; '),
      claim.issueId ? (issue.get(claim.issueId) ?? claim.issueId) : '',
      claim.stanceId ? (stance.get(claim.stanceId) ?? claim.stanceId) : '',
      claim.proposition,
      claim.id,
    ].map((cell) => neutraliseFormula(cell));
  const rows: string[][] = [];
  report.units.forEach((unit, i) => {
    for (const claim of unit.claims) rows.push(row(String(i + 1), 'matched', unit.differs.join('; '), unit.articleTitle, claim));
  });
  for (const u of report.unmatched) rows.push(row('', 'unmatched', '', u.articleTitle, u.claim));
  return Papa.unparse({ fields: [...AGREEMENT_CSV_COLUMNS], data: rows });
}
