import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { ArticleWithClaims } from '../../../../shared/api';
import { claimColour, describeClaim, excerpt, type CodebookLookup } from '../claims/codebook-lookup';
import { AnchorReview } from '../orphans/AnchorReview';
import { ReselectBar } from '../orphans/ReselectBar';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ClaimPreview } from './ClaimPreview';
import { MarginBars } from './MarginBars';
import { ReaderCaret } from './ReaderCaret';
import { SelectionAdder } from './SelectionAdder';
import { StanceLegend } from './StanceLegend';
import { selectionColourFor } from './selection-colour';
import { usePendingHighlight } from './use-pending-highlight';
import { handleCaretKey, selectSentence } from './keyboard-selection';
import { assignLanes, drawableRanges } from './segments';
import '../../styles/reader.css';

export interface ScrollRequest {
  claimId: string;
  /** Bumped on every request, so asking twice for the same claim scrolls twice. */
  serial: number;
}

interface ReaderPaneProps {
  data: ArticleWithClaims;
  lookup: CodebookLookup;
  bodyRef: RefObject<HTMLDivElement | null>;
  selectedClaimId: string | null;
  scrollRequest: ScrollRequest | null;
  visibleIds: Set<string> | null;
  onSelectClaim(id: string): void;
  onEditDetails(): void;
  onClaimSelection(): void;
  /** The range a new claim is being coded over (its editor is open), drawn in the selection colour. */
  pendingRange: { start: number; end: number } | null;
}

function flash(elements: Element[]): void {
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  for (const el of elements) {
    el.animate([{ boxShadow: '0 0 0 4px var(--hl)' }, { boxShadow: '0 0 0 4px var(--hl)', offset: 0.4 }, { boxShadow: '0 0 0 0 transparent' }], {
      duration: 1400,
      easing: 'ease-out',
    });
  }
}

/** The centre pane: the article with its claims drawn in, and the keyboard path to a new claim. */
export function ReaderPane(props: ReaderPaneProps) {
  const { data, lookup, bodyRef, scrollRequest } = props;
  const { article, claims } = data;
  const [preview, setPreview] = useState<{ ids: string[]; anchor: DOMRect } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  usePendingHighlight(bodyRef, props.pendingRange);
  const selectionColour = useMemo(() => selectionColourFor(lookup.scale.map((s) => s.color)), [lookup.scale]);

  const ranges = useMemo(() => drawableRanges(claims, article.text.length), [claims, article.text.length]);
  const { lanes, count } = useMemo(() => assignLanes(ranges), [ranges]);
  const colours = useMemo(() => new Map(claims.map((c) => [c.id, claimColour(lookup, c)])), [claims, lookup]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  // Asked for only by the bars on screen, not worked out for every claim of the article.
  const labelOf = useCallback(
    (id: string) => {
      const claim = byId.get(id);
      return claim ? `${describeClaim(lookup, claim)}: “${excerpt(claim.target.quote.exact, 80)}”` : 'Claim';
    },
    [byId, lookup],
  );

  useEffect(() => {
    if (!scrollRequest) return;
    const marks = [...(bodyRef.current?.querySelectorAll(`[data-claims~="${CSS.escape(scrollRequest.claimId)}"]`) ?? [])];
    marks[0]?.scrollIntoView({ block: 'center' });
    flash(marks);
  }, [scrollRequest, bodyRef]);

  const onBodyClick = (event: React.MouseEvent) => {
    if (!(window.getSelection()?.isCollapsed ?? true)) return; // the end of a drag-selection, not a click
    const mark = (event.target as Element).closest('mark[data-claims]');
    const ids = mark?.getAttribute('data-claims')?.split(' ') ?? [];
    if (ids.length === 0) return;
    // Clicking again where claims overlap steps through them, innermost first.
    const at = props.selectedClaimId ? ids.indexOf(props.selectedClaimId) : -1;
    props.onSelectClaim(ids[(at + 1) % ids.length] as string);
  };

  const onBodyPointer = (event: React.MouseEvent) => {
    const mark = (event.target as Element).closest('mark[data-claims]');
    const ids = mark?.getAttribute('data-claims')?.split(' ') ?? [];
    setPreview(mark && ids.length ? { ids, anchor: mark.getBoundingClientRect() } : null);
  };

  const onBodyKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 's' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (selectSentence(event.currentTarget)) event.preventDefault();
      return;
    }
    if (handleCaretKey(event, event.currentTarget)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const previewClaims = preview ? preview.ids.map((id) => byId.get(id)).filter((c) => !!c) : [];

  return (
    <div ref={scrollRef} className="reader-scroll" style={{ '--reading-selection': selectionColour } as CSSProperties}>
      <AnchorReview data={data} lookup={lookup} bodyRef={bodyRef} />
      <article className="reader" aria-labelledby="article-title">
        <ArticleHeader
          article={article}
          claimCount={claims.length}
          onEditDetails={props.onEditDetails}
          onClaimSelection={props.onClaimSelection}
          legend={<StanceLegend scale={lookup.scale} />}
        />
        <div className="reader-body-wrap">
          <MarginBars
            bodyRef={bodyRef}
            blocks={article.blocks}
            ranges={ranges}
            lanes={lanes}
            laneCount={count}
            colours={colours}
            labelOf={labelOf}
            selectedClaimId={props.selectedClaimId}
            visibleIds={props.visibleIds}
            onSelect={props.onSelectClaim}
            onPreview={(id, anchor) => setPreview(id && anchor ? { ids: [id], anchor } : null)}
          />
          <div
            ref={bodyRef}
            className="article-body"
            tabIndex={0}
            role="region"
            aria-label="Article text. Arrow keys move a caret, Shift with arrows selects, S selects a sentence, C makes a claim."
            aria-describedby={preview ? 'claim-preview' : undefined}
            data-testid="article-body"
            onClick={onBodyClick}
            onMouseOver={onBodyPointer}
            onMouseLeave={() => setPreview(null)}
            onKeyDown={onBodyKey}
          >
            <ArticleBody
              text={article.text}
              blocks={article.blocks}
              ranges={ranges}
              colours={colours}
              selectedClaimId={props.selectedClaimId}
              visibleIds={props.visibleIds}
            />
          </div>
          <ReaderCaret bodyRef={bodyRef} />
        </div>
      </article>
      <SelectionAdder bodyRef={bodyRef} scrollRef={scrollRef} onClaim={props.onClaimSelection} hidden={props.pendingRange !== null} />
      <ReselectBar articleId={article.id} text={article.text} bodyRef={bodyRef} />
      {preview && previewClaims.length > 0 && <ClaimPreview claims={previewClaims} anchor={preview.anchor} lookup={lookup} />}
    </div>
  );
}
