import { memo, type CSSProperties, type ReactNode } from 'react';
import type { Block } from '../../../../shared/model';
import { segmentBlock, type ClaimRange, type Segment } from './segments';

interface ArticleBodyProps {
  text: string;
  blocks: Block[];
  ranges: ClaimRange[];
  /** Claim id → stance colour. */
  colours: Map<string, string>;
  selectedClaimId: string | null;
  /** Claims the sidebar's filters keep; others are drawn faintly. Null when nothing is filtered. */
  visibleIds: Set<string> | null;
}

function SegmentSpan({ text, segment, props }: { text: string; segment: Segment; props: ArticleBodyProps }) {
  const content = text.slice(segment.start, segment.end);
  const common = { 'data-seg': '', 'data-start': segment.start, 'data-end': segment.end };
  const [innermost] = segment.claimIds;
  if (!innermost) return <span {...common}>{content}</span>;
  const classes = ['hl'];
  if (segment.claimIds.length > 1) classes.push('hl--overlap');
  if (props.selectedClaimId && segment.claimIds.includes(props.selectedClaimId)) classes.push('hl--selected');
  if (props.visibleIds && !segment.claimIds.some((id) => props.visibleIds?.has(id))) classes.push('hl--muted');
  // The selected claim's colour wins where it is one of several, so its extent reads clearly.
  const shown = props.selectedClaimId && segment.claimIds.includes(props.selectedClaimId) ? props.selectedClaimId : innermost;
  const style = { '--hl': props.colours.get(shown) ?? '#8a8a8a' } as CSSProperties;
  return (
    <mark {...common} className={classes.join(' ')} data-claims={segment.claimIds.join(' ')} style={style}>
      {content}
    </mark>
  );
}

function BlockContent({ block, props }: { block: Block; props: ArticleBodyProps }) {
  const segments = segmentBlock(block, props.ranges);
  return (
    <>
      {segments.map((s) => (
        <SegmentSpan key={s.start} text={props.text} segment={s} props={props} />
      ))}
    </>
  );
}

function renderBlock(block: Block, props: ArticleBodyProps): ReactNode {
  const data = { 'data-block-start': block.start, 'data-block-end': block.end, key: block.start };
  const content = <BlockContent block={block} props={props} />;
  switch (block.kind) {
    case 'heading': {
      // The article title is the page's h1; the body's headings sit below it.
      const level = Math.min(6, (block.level ?? 1) + 1);
      const Tag = `h${level}` as 'h2';
      return <Tag {...data} className="article-heading">{content}</Tag>;
    }
    case 'quote':
      return <blockquote {...data} className="article-quote">{content}</blockquote>;
    case 'list-item':
      return (
        <li {...data} className="article-list-item" style={{ marginInlineStart: `${((block.level ?? 1) - 1) * 1.5}em` }}>
          {content}
        </li>
      );
    default:
      return <p {...data} className="article-paragraph">{content}</p>;
  }
}

/**
 * The article's text, block by block, with claims drawn as highlights. Consecutive list items
 * are grouped into one list so they read (and are announced) as a list.
 */
export const ArticleBody = memo(function ArticleBody(props: ArticleBodyProps) {
  const out: ReactNode[] = [];
  let list: { ordered: boolean; items: ReactNode[]; start: number } | null = null;
  const flush = () => {
    if (!list) return;
    const List = list.ordered ? 'ol' : 'ul';
    out.push(<List key={`list-${list.start}`} className="article-list">{list.items}</List>);
    list = null;
  };
  for (const block of props.blocks) {
    if (block.kind === 'list-item') {
      const ordered = !!block.ordered;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [], start: block.start };
      }
      list.items.push(renderBlock(block, props));
    } else {
      flush();
      out.push(renderBlock(block, props));
    }
  }
  flush();
  return <>{out}</>;
});
