import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { ROOT } from '../../helpers/temp-notebook';

const SUITE = path.join(ROOT, 'test/fixtures/standards/web-annotation');

/** One failed MUST assertion: which schema, and ajv's first complaint. */
export interface W3cFailure {
  assertion: string;
  error: string;
}

/**
 * The W3C Web Annotation test suite's MUST assertions (annotations/annotationMusts.test),
 * compiled with ajv-draft-04. The definitions are registered under their bare file names,
 * which is how the assertion schemas refer to them.
 */
export function loadMustAssertions(): (annotation: unknown) => W3cFailure[] {
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  // The suite relies on formats "uri" (a scheme and no spaces, RFC 3986) and "date-time" (RFC 3339).
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  for (const file of readdirSync(path.join(SUITE, 'definitions'))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SUITE, 'definitions', file), 'utf8')));
  }
  const list = JSON.parse(readFileSync(path.join(SUITE, 'annotations/annotationMusts.test'), 'utf8')) as { assertions: string[] };
  const checks = list.assertions.map((rel) => {
    const schema = JSON.parse(readFileSync(path.join(SUITE, rel), 'utf8'));
    const expectValid = schema.expectedResult !== 'invalid';
    return { rel, validate: ajv.compile(schema), expectValid };
  });
  return (annotation) =>
    checks.flatMap(({ rel, validate, expectValid }) => {
      const valid = validate(annotation) as boolean;
      if (valid === expectValid) return [];
      return [{ assertion: rel, error: valid ? 'passed an assertion expected to fail' : JSON.stringify(validate.errors?.[0] ?? {}) }];
    });
}

export const W3C_SAMPLES = path.join(SUITE, 'samples');
