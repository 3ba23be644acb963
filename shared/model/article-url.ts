import { z } from 'zod';

/**
 * Whether `url` is an absolute http: or https: address: the only kind an article's URL may be.
 * `javascript:`, `data:`, `file:` and the like would run or read something when a link in the
 * app or in an exported file is followed.
 */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url.trim())) return false;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The URL when it is http(s), else null: what imports keep and every export writes. */
export function httpUrlOrNull(url: string | null | undefined): string | null {
  return url && isHttpUrl(url) ? url.trim() : null;
}

/** An article URL as the API accepts it: http(s) only, with a message that says what to type. */
export const ArticleUrlSchema = z
  .string()
  .max(2000)
  .refine(isHttpUrl, { message: 'an article URL must be a web address starting with http:// or https://' });
