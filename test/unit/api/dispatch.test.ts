import { describe, expect, it, vi } from 'vitest';
import { contract, dispatch, METHOD_NAMES, UserError, type ApiHandlers } from '../../../shared/api';

function handlersWith(overrides: Partial<ApiHandlers>): ApiHandlers {
  const all = Object.fromEntries(METHOD_NAMES.map((name) => [name, vi.fn(async () => ({}))]));
  return { ...all, ...overrides } as unknown as ApiHandlers;
}

describe('dispatch', () => {
  it('refuses a method the contract does not have', async () => {
    const result = await dispatch(handlersWith({}), 'dropDatabase', {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'There is no API method called "dropDatabase".' } });
  });

  it('names the fields that are missing or wrong, and never calls the handler', async () => {
    const createClaim = vi.fn();
    const result = await dispatch(handlersWith({ createClaim }), 'createClaim', { articleId: 'a1', start: 'ten' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(/start:/);
      expect(result.error.message).toMatch(/end:/);
      expect(result.error.message).toMatch(/coding:/);
    }
    expect(createClaim).not.toHaveBeenCalled();
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const result = await dispatch(handlersWith({}), 'getArticle', { id: 'a1', admin: true });
    expect(result.ok).toBe(false);
  });

  it('passes user errors through and hides nothing else', async () => {
    const failing = handlersWith({
      getArticle: async () => {
        throw new UserError('not-found', 'No such article.');
      },
      listArticles: async () => {
        throw new Error('disk on fire');
      },
    });
    expect(await dispatch(failing, 'getArticle', { id: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No such article.' } });
    const internal = await dispatch(failing, 'listArticles', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('every method has a request and a response schema', () => {
    for (const name of METHOD_NAMES) {
      expect(contract[name].request, name).toBeDefined();
      expect(contract[name].response, name).toBeDefined();
      expect(contract[name].summary.length, name).toBeGreaterThan(10);
    }
  });
});
