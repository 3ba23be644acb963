import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64InSlices } from '../../../../electron/core/exchange/archive-write';

describe('an archive encoded as base64 a slice at a time', () => {
  it.each([0, 1, 2, 3, 5, 6, 7, 299, 300, 301, 1000])('gives the same text as one encoding, for %i bytes', async (length) => {
    const bytes = randomBytes(length);
    expect(await base64InSlices(bytes, 6)).toBe(bytes.toString('base64'));
    expect(await base64InSlices(bytes, 3)).toBe(bytes.toString('base64'));
    expect(await base64InSlices(bytes)).toBe(bytes.toString('base64'));
  });

  it('encodes a view into a larger buffer from its own offset', async () => {
    const whole = randomBytes(100);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 7, 50);
    expect(await base64InSlices(view, 9)).toBe(Buffer.from(view).toString('base64'));
  });

  it('refuses a slice that is not a multiple of 3 bytes (its pieces would not join)', async () => {
    await expect(base64InSlices(new Uint8Array(10), 4)).rejects.toThrow(/multiple of 3/);
  });
});
