import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AgreementUnit, AlphaSummary } from '../../../../shared/api/contract-coders';
import { api } from '../../api/client';
import { useCollections } from '../../app/queries';
import { saveExportedFile } from '../../components/files';
import { errorText, useStatus } from '../../components/status-context';
import { excerpt, type CodebookLookup } from '../claims/codebook-lookup';
import { coderKeys } from '../coders/coder-queries';
import { AdjudicateDialog } from './AdjudicateDialog';
import { codingLine } from './coding-line';
import './agreement.css';

interface AgreementViewProps {
  lookup: CodebookLookup;
  /** The article open in the reader, offered as a scope. */
  currentArticleId: string | null;
  onOpenClaim(articleId: string, claimId: string): void;
}

type Scope = { kind: 'all' } | { kind: 'article'; id: string } | { kind: 'collection'; name: string };

function scopeRequest(scope: Scope) {
  if (scope.kind === 'article') return { articleIds: [scope.id] };
  if (scope.kind === 'collection') return { collection: scope.name };
  return {};
}

function alphaCell(a: AlphaSummary): string {
  return a.alpha === null ? 'n/a' : a.alpha.toFixed(3);
}

/**
 * The agreement report: Krippendorff's alpha for actor, issue and stance over the spans two or
 * more coders marked, the coders, the matched spans side by side (those coded differently first,
 * each one click from adjudication), and the spans only one coder marked.
 */
export function AgreementView({ lookup, currentArticleId, onOpenClaim }: AgreementViewProps) {
  const status = useStatus();
  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  const [adjudicating, setAdjudicating] = useState<AgreementUnit | null>(null);
  const collections = useCollections();
  const report = useQuery({
    queryKey: [...coderKeys.agreement, scope],
    queryFn: () => api.getAgreementReport(scopeRequest(scope)),
  });
  const data = report.data;
  const name = new Map(data?.coders.map((c) => [c.id, c.name ?? c.id]) ?? []);
  const units = data ? [...data.units].sort((a, b) => Number(b.differs.length > 0) - Number(a.differs.length > 0)) : [];
  const scopeValue = scope.kind === 'all' ? 'all' : scope.kind === 'article' ? `article:${scope.id}` : `collection:${scope.name}`;

  return (
    <div className="agreement-view" data-testid="agreement-view">
      <div className="agreement-view__head">
        <h1 className="agreement-view__title">Agreement</h1>
        <label className="filter-select">
          <span className="filter-select__label">Over</span>
          <select
            value={scopeValue}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'all') setScope({ kind: 'all' });
              else if (v.startsWith('article:')) setScope({ kind: 'article', id: v.slice('article:'.length) });
              else setScope({ kind: 'collection', name: v.slice('collection:'.length) });
            }}
          >
            <option value="all">The whole notebook</option>
            {currentArticleId && <option value={`article:${currentArticleId}`}>The article open in the reader</option>}
            {(collections.data ?? []).map((c) => (
              <option key={c.name} value={`collection:${c.name}`}>
                Collection: {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          disabled={!report.data?.articles.length}
          onClick={() =>
            void api
              .exportAgreementReport(scopeRequest(scope))
              .then(saveExportedFile)
              .catch((error: unknown) => status.reportError(error, 'The agreement report could not be exported'))
          }
        >
          Export CSV
        </button>
      </div>
      {report.isLoading && <p className="empty-note">Comparing the coders’ claims…</p>}
      {report.error && (
        <p className="form-error" role="alert">
          {errorText(report.error)}
        </p>
      )}
      {data && (
        <>
          <p className="muted agreement-view__scope">
            {data.articles.length === 0
              ? 'No article here has claims by two or more coders yet. Code the same articles under two coder names (blind double coding keeps them apart), then come back.'
              : `${data.articles.length} article${data.articles.length === 1 ? '' : 's'} coded by two or more coders.`}
            {data.singleCoderArticles > 0 && ` ${data.singleCoderArticles} coded by one coder are left out.`}
            {data.claimsWithoutCoder > 0 && ` ${data.claimsWithoutCoder} claims made before a coder was set are left out.`}
          </p>
          <section aria-labelledby="alpha-title" className="agreement-section">
            <h2 id="alpha-title">Krippendorff’s alpha</h2>
            <table className="agreement-table" data-testid="alpha-table">
              <thead>
                <tr>
                  <th scope="col">Coding</th>
                  <th scope="col">Level</th>
                  <th scope="col">Alpha</th>
                  <th scope="col">Spans</th>
                  <th scope="col">Values</th>
                </tr>
              </thead>
              <tbody>
                {(['actor', 'issue', 'stance'] as const).map((k) => (
                  <tr key={k} data-variable={k}>
                    <th scope="row">{k === 'actor' ? 'Actor' : k === 'issue' ? 'Issue' : 'Stance'}</th>
                    <td>{data.alpha[k].level}</td>
                    <td className="agreement-table__alpha">{alphaCell(data.alpha[k])}</td>
                    <td>{data.alpha[k].units}</td>
                    <td>{data.alpha[k].pairable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted agreement-note">{data.matching} n/a: too few values, or all the same.</p>
          </section>
          {data.coders.length > 0 && (
            <section aria-labelledby="coders-title" className="agreement-section">
              <h2 id="coders-title">Coders</h2>
              <table className="agreement-table">
                <thead>
                  <tr>
                    <th scope="col">Coder</th>
                    <th scope="col">Claims</th>
                    <th scope="col">Matched</th>
                  </tr>
                </thead>
                <tbody>
                  {data.coders.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name ?? c.id}</th>
                      <td>{c.claims}</td>
                      <td>{c.matched}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {units.length > 0 && (
            <section aria-labelledby="units-title" className="agreement-section">
              <h2 id="units-title">Matched spans ({units.length})</h2>
              <ul className="agreement-units">
                {units.map((unit) => (
                  <li key={unit.claims.map((c) => c.id).join('+')} className="agreement-unit" data-testid="agreement-unit">
                    <p className="agreement-unit__quote">
                      “{excerpt(unit.claims[0]!.target.quote.exact, 160)}” <span className="muted">— {unit.articleTitle}</span>
                    </p>
                    <p className={unit.differs.length ? 'agreement-unit__differs' : 'muted'}>
                      {unit.differs.length ? `Coded differently: ${unit.differs.join(', ')}` : 'Coded alike'} · overlap{' '}
                      {Math.round(unit.overlap * 100)}%
                    </p>
                    <table className="agreement-table agreement-table--compact">
                      <thead>
                        <tr>
                          <th scope="col">Coder</th>
                          <th scope="col">Actors</th>
                          <th scope="col">Issue</th>
                          <th scope="col">Stance</th>
                        </tr>
                      </thead>
                      <tbody>
                        {unit.claims.map((claim) => {
                          const line = codingLine(claim, lookup);
                          return (
                            <tr key={claim.id}>
                              <th scope="row">
                                <button type="button" className="link-button" onClick={() => onOpenClaim(claim.articleId, claim.id)}>
                                  {name.get(claim.createdBy ?? '') ?? 'no coder'}
                                </button>
                              </th>
                              <td>{line.actors}</td>
                              <td>{line.issue}</td>
                              <td>{line.stance}</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                    <button type="button" className="button button--small" onClick={() => setAdjudicating(unit)}>
                      Adjudicate…<span className="visually-hidden"> this span</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.unmatched.length > 0 && (
            <section aria-labelledby="unmatched-title" className="agreement-section">
              <h2 id="unmatched-title">Unmatched spans ({data.unmatched.length})</h2>
              <ul className="agreement-unmatched">
                {data.unmatched.map((u) => (
                  <li key={u.claim.id}>
                    <strong>{name.get(u.coderId) ?? u.coderId}</strong>:{' '}
                    <button type="button" className="link-button" onClick={() => onOpenClaim(u.articleId, u.claim.id)}>
                      “{excerpt(u.claim.target.quote.exact, 120)}”
                    </button>{' '}
                    <span className="muted">— {u.articleTitle}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {adjudicating && (
        <AdjudicateDialog
          unit={adjudicating}
          lookup={lookup}
          coderName={(id) => (id ? (name.get(id) ?? id) : 'no coder')}
          onClose={() => setAdjudicating(null)}
          onDone={() => {
            setAdjudicating(null);
            void report.refetch();
          }}
        />
      )}
    </div>
  );
}
