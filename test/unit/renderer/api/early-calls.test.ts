import { describe, expect, it, vi } from 'vitest';
import type { CallOptions, NotebookChanged, StancebookApi } from '../../../../shared/api';
import { bootCalls, LAST_ARTICLE_KEY } from '../../../../renderer/src/api/boot-calls';
import { withEarlyCalls } from '../../../../renderer/src/api/early-calls';

/** The hooks' modules, loaded over a stand-in window API (their api client is made as they load). */
async function hookRequests() {
  const anyMethod = new Proxy({}, { get: (_target, name) => (name === 'onChanged' ? () => () => undefined : async () => null) });
  vi.stubGlobal('window', { stancebook: anyMethod });
  const { NEWEST_ARTICLE_REQUEST } = await import('../../../../renderer/src/app/use-article-fallback');
  const { DEFAULT_VIEW, libraryPageRequest } = await import('../../../../renderer/src/features/library/use-library-query');
  vi.unstubAllGlobals();
  return { NEWEST_ARTICLE_REQUEST, libraryPage: libraryPageRequest(DEFAULT_VIEW, DEFAULT_VIEW.text, 0) };
}

/** A stand-in API that records each call reaching it and answers with a fresh object per call. */
function recordingApi() {
  const reached: { method: string; request: unknown; options?: CallOptions }[] = [];
  const listeners = new Set<(event: NotebookChanged) => void>();
  const api: Record<string, unknown> = {
    onChanged: (listener: (event: NotebookChanged) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  for (const method of ['queryLibrary', 'getCodebook', 'getArticle', 'updateArticleMeta', 'getNotebookInfo']) {
    api[method] = async (request: unknown, options?: CallOptions) => {
      reached.push({ method, request, options });
      if (method === 'getArticle') throw new Error('No such article.');
      return { method, n: reached.length };
    };
  }
  return { api: api as unknown as StancebookApi, reached, change: (event: NotebookChanged) => listeners.forEach((l) => l(event)) };
}

describe('early calls: the first requests sent as the page starts', () => {
  it('sends them at once, and gives each answer to the first same call (keys in any order), once', async () => {
    const fake = recordingApi();
    const api = withEarlyCalls(fake.api, [
      { method: 'queryLibrary', request: { sort: 'added', direction: 'desc', filters: {}, offset: 0, limit: 200 } },
      { method: 'getCodebook', request: {} },
    ]);
    expect(fake.reached.map((r) => r.method)).toEqual(['queryLibrary', 'getCodebook']);
    const first = await api.queryLibrary({ limit: 200, offset: 0, filters: {}, direction: 'desc', sort: 'added' });
    expect(first).toEqual({ method: 'queryLibrary', n: 1 });
    expect(fake.reached).toHaveLength(2);
    // Asked again: the core answers again.
    expect(await api.queryLibrary({ sort: 'added', direction: 'desc', filters: {}, offset: 0, limit: 200 })).toEqual({
      method: 'queryLibrary',
      n: 3,
    });
    // Another request of the same method is not the early one.
    await api.queryLibrary({ sort: 'title', direction: 'asc', offset: 0, limit: 200 });
    expect(fake.reached).toHaveLength(4);
    expect(await api.getCodebook({})).toEqual({ method: 'getCodebook', n: 2 });
  });

  it('drops the answers not yet taken at any change event, which may have made them stale', async () => {
    const fake = recordingApi();
    const api = withEarlyCalls(fake.api, [{ method: 'getCodebook', request: {} }]);
    fake.change({ scope: 'notebook' });
    expect(await api.getCodebook({})).toEqual({ method: 'getCodebook', n: 2 });
  });

  it('never answers a call made with options (a write with its change id) from an early call', async () => {
    const fake = recordingApi();
    const api = withEarlyCalls(fake.api, [{ method: 'getNotebookInfo', request: {} }]);
    await api.getNotebookInfo({}, { changeId: 'c1' });
    expect(fake.reached.at(-1)).toMatchObject({ method: 'getNotebookInfo', options: { changeId: 'c1' } });
    expect(fake.reached).toHaveLength(2);
  });

  it("gives an early call's error to the call that takes it, as the core said it", async () => {
    const fake = recordingApi();
    const api = withEarlyCalls(fake.api, [{ method: 'getArticle', request: { id: 'gone' } }]);
    await expect(api.getArticle({ id: 'gone' })).rejects.toThrow('No such article.');
    expect(fake.reached).toHaveLength(1);
  });

  it("asks exactly what the app's hooks ask as it opens: the library's first page, the newest or the remembered article", async () => {
    const { NEWEST_ARTICLE_REQUEST, libraryPage } = await hookRequests();
    const calls = bootCalls(null);
    expect(calls[0]).toEqual({ method: 'queryLibrary', request: libraryPage });
    expect(calls).toContainEqual({ method: 'queryLibrary', request: NEWEST_ARTICLE_REQUEST });
    for (const method of ['getCodebook', 'getNotebookInfo', 'listCollections', 'getCoder', 'getHistory', 'listTrash'])
      expect(calls).toContainEqual({ method, request: {} });
    const remembered = bootCalls({ getItem: (key) => (key === LAST_ARTICLE_KEY ? 'art-7' : null) });
    expect(remembered).toContainEqual({ method: 'getArticleSummary', request: { id: 'art-7' } });
    expect(remembered).toContainEqual({ method: 'getArticle', request: { id: 'art-7' } });
    expect(remembered.some((c) => c.method === 'queryLibrary' && c.request === NEWEST_ARTICLE_REQUEST)).toBe(false);
    const broken = bootCalls({
      getItem: () => {
        throw new Error('storage is off');
      },
    });
    expect(broken).toContainEqual({ method: 'queryLibrary', request: NEWEST_ARTICLE_REQUEST });
  });
});
