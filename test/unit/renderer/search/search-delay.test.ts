import { describe, expect, it } from 'vitest';
import { searchDelay } from '../../../../renderer/src/features/search/search-delay';

describe('when the search box asks the core', () => {
  it('waits for the next key while the analyst types or deletes one character at a time', () => {
    expect(searchDelay('', 'T')).toBeGreaterThan(0);
    expect(searchDelay('Taiwa', 'Taiwan')).toBeGreaterThan(0);
    expect(searchDelay('Taiwan', 'Taiwa')).toBeGreaterThan(0);
    // A filter changed, the words did not: still one wait, so a burst of filter clicks asks once.
    expect(searchDelay('Taiwan', 'Taiwan')).toBeGreaterThan(0);
  });

  it('asks at once for words pasted or filled in whole, or a selection typed over', () => {
    expect(searchDelay('', 'Taiwan')).toBe(0);
    expect(searchDelay('Taiwan', 'South China Sea')).toBe(0);
    expect(searchDelay('Taiwan strait', 'T')).toBe(0);
  });
});
