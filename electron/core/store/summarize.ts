import type { Article, ArticleSummary } from '../../../shared/model';

/** The library's view of an article: its metadata, word count and claim count, no body. */
export function summarize(article: Article, claimCount: number): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    url: article.url,
    language: article.language,
    standfirst: article.standfirst,
    importedFrom: article.importedFrom,
    contentHash: article.contentHash,
    wordCount: countWords(article.text),
    claimCount,
    tags: article.tags,
    collections: article.collections,
    ...(article.doubleCoding ? { doubleCoding: article.doubleCoding } : {}),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}

/** True when two summaries say the same thing (used to find index entries a crash left stale). */
export function sameSummary(a: ArticleSummary | undefined, b: ArticleSummary | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
