import { parseArgs } from 'node:util';
import type { AgreementReport, AlphaSummary } from '../../../shared/api/contract-coders';
import type { CliIo } from '../io';
import { call, withNotebook } from '../open';

function alphaText(name: string, a: AlphaSummary): string {
  const value = a.alpha === null ? 'n/a (no pairable values, or no variation)' : a.alpha.toFixed(3);
  return `${name.padEnd(7)} ${a.level.padEnd(8)} alpha ${value}  (${a.units} spans, ${a.pairable} values)`;
}

/** The report as text: coders, alphas, then the spans coded differently and the unmatched ones. */
export function formatAgreement(report: AgreementReport): string[] {
  const name = new Map(report.coders.map((c) => [c.id, c.name ?? c.id]));
  const lines = [
    `${report.articles.length} article${report.articles.length === 1 ? '' : 's'} coded by two or more coders` +
      (report.singleCoderArticles ? `; ${report.singleCoderArticles} coded by one coder left out` : '') +
      (report.claimsWithoutCoder ? `; ${report.claimsWithoutCoder} claims without a coder left out` : ''),
    ...report.coders.map((c) => `  ${c.name ?? '(unnamed)'} (${c.id}): ${c.claims} claims, ${c.matched} matched`),
    alphaText('actor', report.alpha.actor),
    alphaText('issue', report.alpha.issue),
    alphaText('stance', report.alpha.stance),
  ];
  const differing = report.units.filter((u) => u.differs.length > 0);
  if (differing.length) lines.push(`${differing.length} matched span${differing.length === 1 ? '' : 's'} coded differently:`);
  for (const unit of differing) {
    const quote = unit.claims[0]!.target.quote.exact.slice(0, 60);
    lines.push(
      `  ${unit.articleTitle.slice(0, 40)}  “${quote}”  differs in ${unit.differs.join(', ')}  (${unit.claims.map((c) => `${name.get(c.createdBy!)}: ${c.id}`).join('; ')})`,
    );
  }
  if (report.unmatched.length) lines.push(`${report.unmatched.length} unmatched span${report.unmatched.length === 1 ? '' : 's'}:`);
  for (const u of report.unmatched)
    lines.push(`  ${name.get(u.coderId)}  ${u.articleTitle.slice(0, 40)}  “${u.claim.target.quote.exact.slice(0, 60)}”  ${u.claim.id}`);
  lines.push(report.matching);
  return lines;
}

/** Agreement between the coders of some articles, a collection or the notebook. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { collection: { type: 'string' }, article: { type: 'string', multiple: true }, json: { type: 'boolean' }, data: { type: 'string' } },
  });
  await withNotebook(io, values.data, async (core) => {
    const report = await call(core, 'getAgreementReport', {
      ...(values.collection !== undefined ? { collection: values.collection } : {}),
      ...(values.article ? { articleIds: values.article } : {}),
    });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of formatAgreement(report)) io.out(line);
  });
  return 0;
}
