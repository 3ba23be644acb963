import type { Article } from '../../../shared/model';

/** What a rendered document says about its article above the text: the same in briefs and annotated articles. */
export interface DocumentHeading {
  title: string;
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  standfirst: string | null;
}

export function headingOf(article: Article): DocumentHeading {
  return {
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    url: article.url,
    standfirst: article.standfirst,
  };
}
