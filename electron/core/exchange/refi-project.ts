import JSZip from 'jszip';
import type { Claim, Codebook } from '../../../shared/model';
import { toCodePointOffset } from './code-points';
import type { ArticleClaims } from './gather';
import { buildCodeTree, renderCodes, type RefiCodeIndex } from './refi-codes';
import { stableGuid } from './stable-ids';
import { attrs, xmlText, xsdDateTime } from './xml';
import { safeArticleUrl } from '../documents/escape';

const USER_GUID = stableGuid('user', 'stancebook');

function claimDescription(claim: Claim): string | null {
  const lines = [
    claim.proposition ? `Proposition: ${claim.proposition}` : null,
    claim.speaker ? `Speaker: ${claim.speaker}` : null,
    claim.note.trim() ? `Note: ${claim.note.trim()}` : null,
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : null;
}

function codeRefs(claim: Claim, index: RefiCodeIndex): string[] {
  const guids = [
    ...claim.actorIds.map((id) => index.actors.get(id)),
    claim.issueId ? index.issues.get(claim.issueId) : undefined,
    claim.stanceId ? index.stances.get(claim.stanceId) : undefined,
    ...claim.tags.map((tag) => index.tags.get(tag)),
  ];
  return [...new Set(guids.filter((g): g is string => Boolean(g)))];
}

function renderSelection(text: string, claim: Claim, index: RefiCodeIndex): string {
  const { start, end } = claim.target.position;
  const created = xsdDateTime(claim.createdAt);
  const quote = claim.target.quote.exact;
  const selectionAttrs = attrs({
    guid: stableGuid('claim', claim.id),
    name: quote.length > 120 ? `${quote.slice(0, 119)}…` : quote,
    // REFI-QDA counts Unicode code points from 0; the store counts UTF-16 units.
    startPosition: toCodePointOffset(text, start),
    endPosition: toCodePointOffset(text, end),
    creatingUser: USER_GUID,
    creationDateTime: created,
    modifyingUser: USER_GUID,
    modifiedDateTime: xsdDateTime(claim.updatedAt),
  });
  const description = claimDescription(claim);
  const codings = codeRefs(claim, index).map(
    (guid) =>
      `        <Coding${attrs({ guid: stableGuid('coding', `${claim.id}:${guid}`), creatingUser: USER_GUID, creationDateTime: created })}>\n          <CodeRef targetGUID="${guid}"/>\n        </Coding>`,
  );
  const inner = [description ? `        <Description>${xmlText(description)}</Description>` : null, ...codings].filter(Boolean);
  return inner.length
    ? `      <PlainTextSelection${selectionAttrs}>\n${inner.join('\n')}\n      </PlainTextSelection>`
    : `      <PlainTextSelection${selectionAttrs}/>`;
}

/**
 * A REFI-QDA project (.qdpx): a zip holding project.qde (QDA-XML project 1.0, valid against
 * Project.xsd) and each article's text as sources/<guid>.txt. The codebook is the code tree
 * (actors, issues, stances, tags); each claim is a PlainTextSelection over its article coded
 * with its actors, issue, stance and tags, its proposition, speaker and note in the
 * description. Orphaned claims are left out: their positions no longer point at their words.
 */
export async function buildRefiProject(
  articles: ArticleClaims[],
  codebook: Codebook,
  options: { name: string; now: string },
): Promise<{ bytes: Uint8Array; projectXml: string; skippedOrphans: number }> {
  const extraTags = articles.flatMap(({ claims }) => claims.flatMap((c) => c.tags));
  const { codes, index } = buildCodeTree(codebook, extraTags);
  const zip = new JSZip();
  let skippedOrphans = 0;
  const sources = articles.map(({ article, claims }) => {
    const guid = stableGuid('article', article.id);
    zip.file(`sources/${guid}.txt`, article.text);
    const described = [article.source, article.author, article.publishedAt, safeArticleUrl(article.url)].filter(Boolean).join(' · ');
    const placed = claims.filter((claim) => claim.anchor.status !== 'orphaned');
    skippedOrphans += claims.length - placed.length;
    const inner = [
      described ? `      <Description>${xmlText(described)}</Description>` : null,
      ...placed.map((claim) => renderSelection(article.text, claim, index)),
    ].filter(Boolean);
    const open = `    <TextSource${attrs({
      guid,
      name: article.title,
      plainTextPath: `internal://${guid}.txt`,
      creatingUser: USER_GUID,
      creationDateTime: xsdDateTime(article.createdAt),
      modifyingUser: USER_GUID,
      modifiedDateTime: xsdDateTime(article.updatedAt),
    })}`;
    return inner.length ? `${open}>\n${inner.join('\n')}\n    </TextSource>` : `${open}/>`;
  });
  const projectXml = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0"${attrs({
    name: options.name,
    origin: 'Stancebook',
    creatingUserGUID: USER_GUID,
    creationDateTime: xsdDateTime(options.now),
  })}>
  <Users>
    <User guid="${USER_GUID}" name="Stancebook"/>
  </Users>
  <CodeBook>
    <Codes>
${renderCodes(codes, '      ')}
    </Codes>
  </CodeBook>
${sources.length ? `  <Sources>\n${sources.join('\n')}\n  </Sources>\n` : ''}</Project>
`;
  zip.file('project.qde', projectXml);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, projectXml, skippedOrphans };
}
