import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebook } from '../../../../electron/core/store';
import { startChild } from './child-process';
import { tempDir } from './fixtures';
import { mulberry32 } from './prng';

const KILLS = 50;

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('stancebook-crash-')));
afterAll(() => cleanup());

type ClaimState = { articleId: string; note: string } | null;

/** Reads every claim of the notebook, and checks the index agrees with the shards. */
async function readAll(): Promise<Map<string, ClaimState>> {
  const store = await openNotebook(dir);
  try {
    expect(store.openReport.recovered).toEqual([]);
    const claims = new Map<string, ClaimState>();
    for (const summary of store.listArticles()) {
      const list = await store.getClaims(summary.id);
      expect(summary.claimCount).toBe(list.length);
      for (const claim of list) claims.set(claim.id, { articleId: claim.articleId, note: claim.note });
    }
    expect(store.openReport.recovered).toEqual([]);
    return claims;
  } finally {
    await store.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged claim write across ${KILLS} SIGKILLs at random moments`, async () => {
    const random = mulberry32(20261128);
    let expected = new Map<string, ClaimState>();
    let acked = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = startChild(['write', dir, String(round)]);
      await child.waitFor((line) => line === 'ready');
      await new Promise((resolve) => setTimeout(resolve, 5 + random() * 120));
      child.process.kill('SIGKILL');
      await child.exited;

      // Apply what was acknowledged; the one write in flight may or may not have happened.
      let inFlight: { claimId: string; state: ClaimState } | null = null;
      for (const line of child.lines) {
        const [kind, op, articleId, claimId, note] = line.split(' ');
        if (kind !== 'try' && kind !== 'ack') continue;
        const state: ClaimState = op === 'del' ? null : { articleId: articleId!, note: note! };
        if (kind === 'try') inFlight = { claimId: claimId!, state };
        else {
          expected.set(claimId!, state);
          inFlight = null;
          acked++;
        }
      }
      const actual = await readAll();
      const ids = new Set([...expected.keys(), ...actual.keys()]);
      for (const id of ids) {
        const want = expected.get(id) ?? null;
        const got = actual.get(id) ?? null;
        if (inFlight && inFlight.claimId === id) expect([want, inFlight.state]).toContainEqual(got);
        else expect(got, `claim ${id} after kill ${round + 1}`).toEqual(want);
      }
      expected = actual;
    }
    expect(acked).toBeGreaterThan(KILLS * 5);
    const names = await readdir(dir);
    expect(names).not.toContain('quarantine');
    expect((await readdir(path.join(dir, 'articles'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 600_000); // bounded by the count of kills; the limit is generous so a loaded machine cannot fail it
});
