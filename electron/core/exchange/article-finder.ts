import { anchorTarget, normalizeString, type AnchorResult } from '../../../shared/anchoring';
import type { Article, ArticleSummary, ClaimTarget } from '../../../shared/model';
import type { NotebookStore } from '../store/types';
import { fromCodePointOffset } from './code-points';

/** Where an incoming quote was placed: the article and the anchoring result (never orphaned). */
export interface Placement {
  article: Article;
  result: Extract<AnchorResult, { start: number }>;
}

/** Why a quote could not be placed, in the analyst's words. */
export interface Miss {
  reason: string;
}

/** What an incoming annotation asks to place. Positions are code points (W3C). */
export interface TextRequest {
  source: string | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
}

function comparableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

/**
 * Finds the article an annotation is about and the quote in it. The target's source decides
 * when it names an article (a Stancebook URN or the article's URL); otherwise every article is
 * searched for the quote and the best-anchored one wins. Articles are read once and cached,
 * as one import usually holds many annotations about the same few articles.
 */
export class ArticleFinder {
  private readonly articles = new Map<string, Article | null>();
  private readonly normalized = new Map<string, string>();
  private readonly summaries: ArticleSummary[];

  constructor(private readonly store: NotebookStore) {
    this.summaries = store.listArticles();
  }

  private async load(id: string): Promise<Article | null> {
    if (!this.articles.has(id)) this.articles.set(id, await this.store.getArticle(id));
    return this.articles.get(id) ?? null;
  }

  private async bySource(source: string): Promise<Article | null> {
    const urn = /^urn:stancebook:article:(.+)$/.exec(source);
    if (urn?.[1]) {
      const found = await this.load(decodeURIComponent(urn[1]));
      if (found) return found;
    }
    const wanted = comparableUrl(source);
    const summary = this.summaries.find((s) => s.url && comparableUrl(s.url) === wanted);
    return summary ? this.load(summary.id) : null;
  }

  /** Builds the stored-shape target for `text`, deriving a missing quote or position. */
  private targetIn(text: string, request: TextRequest): ClaimTarget | null {
    const position = request.position
      ? { start: fromCodePointOffset(text, request.position.start), end: fromCodePointOffset(text, request.position.end) }
      : null;
    const exact = request.quote?.exact ?? (position ? text.slice(position.start, position.end) : '');
    if (!exact.trim()) return null;
    const start = position?.start ?? Math.max(0, text.indexOf(exact));
    return {
      quote: { type: 'TextQuoteSelector', exact, prefix: request.quote?.prefix ?? '', suffix: request.quote?.suffix ?? '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    };
  }

  private anchorIn(article: Article, request: TextRequest): Placement | { score: number } {
    const target = this.targetIn(article.text, request);
    if (!target) return { score: 0 };
    const result = anchorTarget(article.text, target);
    return result.status === 'orphaned' ? { score: result.score } : { article, result };
  }

  /** Places one annotation's text, or says why it could not. Never throws for odd input. */
  async place(request: TextRequest): Promise<Placement | Miss> {
    if (request.source) {
      const article = await this.bySource(request.source);
      if (article) {
        const placed = this.anchorIn(article, request);
        if ('article' in placed) return placed;
        return { reason: `the quote is not in "${article.title}" any more (best match ${Math.round(placed.score * 100)}%)` };
      }
    }
    if (!request.quote) return { reason: 'it gives only a position, and no article in this notebook is its source' };
    const needle = normalizeString(request.quote.exact).trim();
    let best: Placement | null = null;
    for (const summary of this.summaries) {
      const article = await this.load(summary.id);
      if (!article) continue;
      let haystack = this.normalized.get(article.id);
      if (haystack === undefined) {
        haystack = normalizeString(article.text);
        this.normalized.set(article.id, haystack);
      }
      if (!haystack.includes(needle)) continue;
      const placed = this.anchorIn(article, request);
      if ('article' in placed && (!best || placed.result.score > best.result.score)) best = placed;
    }
    return best ?? { reason: 'no article in this notebook holds this quote' };
  }
}
