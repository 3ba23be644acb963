import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveZip } from '../../../../electron/core/exchange/archive-write';

describe('the archive zip, deflated a piece per turn', () => {
  it('holds every file whole, large ones (deflated in many pieces) and empty ones alike', async () => {
    const zip = new ArchiveZip();
    const large = Array.from({ length: 60_000 }, (_, i) => `article-${i} “quoted” ü\n`).join('');
    expect(large.length).toBeGreaterThan(3 * 256 * 1024);
    await zip.add('manifest.json', large);
    await zip.add('empty.json', '');
    await zip.add('small.json', '{"a":1}\n');
    const files = unzipSync(await zip.finish());
    expect(Object.keys(files)).toEqual(['manifest.json', 'empty.json', 'small.json']);
    expect(strFromU8(files['manifest.json']!)).toBe(large);
    expect(strFromU8(files['empty.json']!)).toBe('');
    expect(strFromU8(files['small.json']!)).toBe('{"a":1}\n');
  });
});
