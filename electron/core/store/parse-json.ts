import { DocumentProblem } from './errors';

/** Parses JSON, saying how it failed in words (a cut-off file reads differently from garbage). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new DocumentProblem('is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const cutOff = /end of (JSON )?input|Unterminated/i.test(detail);
    throw new DocumentProblem(cutOff ? `is cut off (not valid JSON: ${detail}; ${text.length} characters)` : `is not valid JSON (${detail})`);
  }
}
