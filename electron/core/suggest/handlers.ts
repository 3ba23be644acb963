import { UserError, type ApiHandlers } from '../../../shared/api';
import type { ArticleSuggestions, StoredSuggestion, suggestMethods } from '../../../shared/api/contract-suggest';
import type { Actor, Article, Claim, ClaimCoding, Codebook } from '../../../shared/model';
import { SUGGESTER_CODER, claimCoversSpan, type SuggestedAttribution } from '../../../shared/model/suggestion';
import { requireArticle } from '../articles/articles';
import { getClaims, planClaim } from '../claims/claims';
import type { CoreContext } from '../context';
import type { ChangeSet } from '../history/change-set';
import { historyOf } from '../history/history';
import { suggestionCoder, type SuggestionCoder } from './coding';
import { SUGGESTER_VERSION, suggestAttributions } from './suggest';
import { SuggestRunner, SuggestRunnerClosedError, SuggestWorkerError, type SuggestPriority } from './suggest-runner';
import { readSuggestionFile, writeSuggestionFile, type Rejection, type SuggestionFile } from './suggestion-file';

/** A suggestion's id: its place in the text, so the same span keeps its id across re-runs. */
function suggestionId(s: SuggestedAttribution): string {
  return `sug-${s.content.start}-${s.content.end}`;
}

function isRejected(rejected: readonly Rejection[], s: SuggestedAttribution, quote: string): boolean {
  return rejected.some((r) => r.quote === quote || (r.start === s.content.start && r.end === s.content.end));
}

/**
 * Whether a claim already covers a suggestion's span (the analyst coded it, or accepted it): an
 * overlap of at least half their union. Placed claims are sorted by start once, so each question
 * looks only at claims starting within the longest claim's length before the span (a long article
 * has thousands of claims and of suggestions; asking every claim each time cost ~150 ms a call).
 */
export function codedSpans(claims: readonly Claim[]): (span: { start: number; end: number }) => boolean {
  const spans = claims
    .filter((c) => c.anchor.status !== 'orphaned')
    .map((c) => c.target.position)
    .sort((a, b) => a.start - b.start);
  const longest = spans.reduce((max, p) => Math.max(max, p.end - p.start), 0);
  return (span) => {
    // The first claim that starts late enough to reach into the span.
    const from = span.start - longest;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < spans.length && spans[i]!.start < span.end; i++) if (claimCoversSpan(spans[i]!, span)) return true;
    return false;
  };
}

/**
 * The suggestions service: runs the suggester on an article when its text has no current
 * suggestions, keeps them in their own file per article, and turns accepted ones into claims.
 * Writes to one article's file run one at a time.
 */
class SuggestionService {
  private queues = new Map<string, Promise<unknown>>();
  /** What each article's file was made for (null: no file), so the status needs no file reads after the first. */
  private made = new Map<string, { contentHash: string; version: string } | null>();
  /** The worker that runs the suggester (made on first need); null when the text work runs on this thread. */
  private runner: SuggestRunner | null = null;
  private closed = false;

  constructor(private readonly ctx: CoreContext) {}

  /** The suggester's worker, started on first need (none with STANCEBOOK_SUGGEST_IN_THREAD=1, the old path, for benches). */
  runnerOf(): SuggestRunner | null {
    if (process.env.STANCEBOOK_SUGGEST_IN_THREAD === '1') return null;
    this.runner ??= new SuggestRunner();
    return this.runner;
  }

  /** The suggestions for a text: from the worker, or (in-thread switch) from this thread. */
  private async suggest(text: string, priority: SuggestPriority): Promise<SuggestedAttribution[]> {
    if (this.closed) throw new UserError('internal', 'The notebook is closing: its suggestions are made again when it is opened.');
    const runner = this.runnerOf();
    if (!runner) return suggestAttributions(text);
    try {
      return await runner.suggest(text, priority);
    } catch (error) {
      if (error instanceof SuggestRunnerClosedError)
        throw new UserError('internal', `${error.message} Its suggestions are made when the notebook is opened again.`);
      if (error instanceof SuggestWorkerError) {
        throw new UserError(
          'internal',
          `${error.message} No suggestions were saved for it: code its claims by hand, or run the suggester again after editing the text.`,
        );
      }
      throw error;
    }
  }

  /** Ends the worker (a text it is reading is cancelled) and waits for suggestion files being written. */
  async close(): Promise<void> {
    this.closed = true;
    await this.runner?.close();
    await Promise.all(this.queues.values());
  }

  private exclusive<T>(articleId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(articleId) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      articleId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** The article's suggestion file for its current text, made (and saved) if missing or stale. */
  current(article: Article, force = false, priority: SuggestPriority = 'open'): Promise<SuggestionFile> {
    return this.exclusive(article.id, async () => {
      const { file, rejected } = await readSuggestionFile(this.ctx.store.dir, article.id);
      if (file && !force && file.contentHash === article.contentHash && file.version === SUGGESTER_VERSION) {
        this.made.set(article.id, { contentHash: file.contentHash, version: file.version });
        return file;
      }
      const fresh: SuggestionFile = {
        schemaVersion: 1,
        articleId: article.id,
        coder: SUGGESTER_CODER,
        version: SUGGESTER_VERSION,
        contentHash: article.contentHash,
        suggestions: await this.suggest(article.text, priority),
        rejected,
      };
      await writeSuggestionFile(this.ctx.store.dir, fresh);
      this.made.set(article.id, { contentHash: fresh.contentHash, version: fresh.version });
      return fresh;
    });
  }

  /** The pending suggestions: not rejected, not already a claim; coded from the codebook as it is now. */
  async pending(articleId: string, force = false, priority: SuggestPriority = 'open'): Promise<ArticleSuggestions> {
    const article = await requireArticle(this.ctx, articleId);
    const file = await this.current(article, force, priority);
    const claims = await getClaims(this.ctx, articleId);
    const coder = suggestionCoder(this.ctx.store.getCodebook());
    const suggestions: StoredSuggestion[] = [];
    const isCoded = codedSpans(claims);
    for (const s of file.suggestions) {
      const quote = article.text.slice(s.content.start, s.content.end);
      if (isRejected(file.rejected, s, quote) || isCoded(s.content)) continue;
      suggestions.push(this.describe(article, coder, s));
    }
    return { articleId, coder: file.coder, version: file.version, suggestions, rejectedCount: file.rejected.length };
  }

  private describe(article: Article, coder: SuggestionCoder, s: SuggestedAttribution): StoredSuggestion {
    const content = article.text.slice(s.content.start, s.content.end);
    const sourceText = s.source ? article.text.slice(s.source.start, s.source.end) : null;
    const actorId = coder.actorForSpeaker(s.speaker, sourceText);
    return { ...s, id: suggestionId(s), quote: content, actorIds: actorId ? [actorId] : [], issueId: coder.issueForContent(content) };
  }

  private async pick(articleId: string, ids: readonly string[]): Promise<{ article: Article; picked: StoredSuggestion[] }> {
    const article = await requireArticle(this.ctx, articleId);
    const { suggestions } = await this.pending(articleId);
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const picked = [...new Set(ids)].map((id) => {
      const s = byId.get(id);
      if (!s) {
        throw new UserError(
          'not-found',
          `Suggestion ${id} is no longer pending in this article (it was accepted, rejected, or the text changed). Reload the suggestions and try again.`,
        );
      }
      return s;
    });
    return { article, picked };
  }

  /** Accepts suggestions as claims, with a new actor for the speaker if asked, as one undo step. */
  accept(request: { articleId: string; suggestionIds: string[]; newActor?: { name: string }; coding?: Partial<ClaimCoding> }): Promise<Claim[]> {
    if (request.coding && request.suggestionIds.length > 1) {
      throw new UserError('invalid-request', 'Edited coding applies to one suggestion at a time: accept the others without it.');
    }
    return historyOf(this.ctx).perform(async () => {
      const { picked } = await this.pick(request.articleId, request.suggestionIds);
      const before = this.ctx.store.getCodebook();
      let codebook: { before: Codebook; after: Codebook } | undefined;
      let newActor: Actor | null = null;
      if (request.newActor) {
        const name = request.newActor.name.trim();
        const taken = before.actors.find((a) => [a.name, ...a.aliases].some((n) => n.trim().toLocaleLowerCase() === name.toLocaleLowerCase()));
        if (taken) {
          throw new UserError(
            'conflict',
            `"${name}" is already the actor "${taken.name}" (or one of its aliases): accept the suggestion with that actor instead.`,
          );
        }
        newActor = { id: this.ctx.newId('actor'), name, aliases: [], color: null };
        codebook = { before, after: { ...structuredClone(before), actors: [...structuredClone(before.actors), newActor] } };
      }
      const claims: Claim[] = [];
      for (const s of picked) {
        const { actorIds: editedActors, ...editedRest } = request.coding ?? {};
        const coding: Partial<ClaimCoding> = { speaker: s.speaker, issueId: s.issueId, ...editedRest };
        const claim = await planClaim(this.ctx, request.articleId, s.content.start, s.content.end, coding);
        // Actors are set after planning: a new actor is not in the stored codebook until the step is applied.
        const actorIds = newActor ? [newActor.id] : (editedActors ?? s.actorIds);
        const known = new Set((codebook?.after ?? before).actors.map((a) => a.id));
        const unknown = actorIds.find((id) => !known.has(id));
        if (unknown) throw new UserError('not-found', `No actor with id ${unknown} in the codebook: pick an actor from the list.`);
        claims.push({ ...claim, actorIds, tags: [...claim.tags] });
      }
      const label = picked.length === 1 ? 'Accept suggestion' : `Accept ${picked.length} suggestions`;
      const change: ChangeSet = {
        label,
        ...(codebook ? { codebook } : {}),
        articles: [],
        claims: claims.map((c) => ({ articleId: request.articleId, claimId: c.id, before: null, after: c })),
      };
      return { change, result: claims };
    });
  }

  /** Remembers rejections, so the same spans are not proposed again after a re-run. */
  async reject(articleId: string, ids: string[]): Promise<number> {
    const { article, picked } = await this.pick(articleId, ids);
    return this.exclusive(articleId, async () => {
      const { file } = await readSuggestionFile(this.ctx.store.dir, articleId);
      if (!file) throw new UserError('not-found', 'The suggestions of this article were removed meanwhile. Reload them and reject again.');
      for (const s of picked) {
        file.rejected.push({ start: s.content.start, end: s.content.end, quote: article.text.slice(s.content.start, s.content.end) });
      }
      await writeSuggestionFile(this.ctx.store.dir, file);
      return picked.length;
    });
  }

  async status(): Promise<{ articleId: string; state: 'none' | 'current' | 'stale' }[]> {
    const out: { articleId: string; state: 'none' | 'current' | 'stale' }[] = [];
    for (const summary of this.ctx.store.listArticles()) {
      if (!this.made.has(summary.id)) {
        const { file } = await readSuggestionFile(this.ctx.store.dir, summary.id);
        // A file being written meanwhile has set its own entry: keep that one.
        if (!this.made.has(summary.id)) this.made.set(summary.id, file && { contentHash: file.contentHash, version: file.version });
      }
      const made = this.made.get(summary.id);
      const state = !made ? 'none' : made.contentHash === summary.contentHash && made.version === SUGGESTER_VERSION ? 'current' : 'stale';
      out.push({ articleId: summary.id, state });
    }
    return out;
  }
}

const services = new WeakMap<CoreContext, SuggestionService>();

function serviceOf(ctx: CoreContext): SuggestionService {
  let service = services.get(ctx);
  if (!service) {
    service = new SuggestionService(ctx);
    services.set(ctx, service);
  }
  return service;
}

/** Ends the suggester's worker and waits for suggestion files being written (the core's close, before the store's). */
export async function closeSuggestions(ctx: CoreContext): Promise<void> {
  await services.get(ctx)?.close();
}

/** The suggester's worker runner of a core, for tests and benches that wait on its events (null: in-thread switch). */
export function suggestRunnerOf(ctx: CoreContext): SuggestRunner | null {
  return serviceOf(ctx).runnerOf();
}

/** The suggestions of one article for the command line: the file's, made if missing or stale. */
export async function suggestionsForArticle(ctx: CoreContext, articleId: string): Promise<{ article: Article; suggestions: SuggestedAttribution[] }> {
  const article = await requireArticle(ctx, articleId);
  const file = await serviceOf(ctx).current(article);
  return { article, suggestions: file.suggestions };
}

/** Handlers for the methods in shared/api/contract-suggest.ts. */
export function createSuggestHandlers(ctx: CoreContext): Pick<ApiHandlers, keyof typeof suggestMethods> {
  const service = serviceOf(ctx);
  return {
    // The background pass over the notebook waits behind the article the analyst has open.
    getSuggestions: ({ articleId, background }) => service.pending(articleId, false, background ? 'background' : 'open'),
    runSuggester: ({ articleId }) => service.pending(articleId, true),
    listSuggestionStatus: () => service.status(),
    acceptSuggestions: async (request) => {
      const claims = await service.accept(request);
      return { claims };
    },
    rejectSuggestions: async ({ articleId, suggestionIds }) => {
      const rejected = await service.reject(articleId, suggestionIds);
      ctx.emit({ scope: 'claims', articleId });
      return { rejected };
    },
  };
}
