import { readFileSync } from 'node:fs';
import { anchorTarget } from '../shared/anchoring';
const cases = JSON.parse(readFileSync(process.argv[3] ?? '/tmp/wrongs.json', 'utf8'));
const c = cases[Number(process.argv[2] ?? 0)];
console.log(c.article, c.kind, JSON.stringify(c.target.quote));
const r = anchorTarget(c.revision, c.target, { checkTwins: true, previousText: c.previous, explain: (e) => console.log(JSON.stringify(e)) });
console.log(r);
if (r.start !== null) console.log(JSON.stringify(c.revision.slice(Math.max(0, r.start - 80), r.end + 80)));
