import type { CitingBrief } from '../../../../shared/api/contract-trash';
import { plural } from '../../components/plural';

/**
 * The warning a delete shows when briefs cite what goes: "Cited in 2 briefs: …". Their
 * citations then show the claim as deleted until it is restored.
 */
export function CitedInBriefs({ briefs, what }: { briefs: CitingBrief[] | undefined; what: string }) {
  if (!briefs?.length) return null;
  return (
    <p className="cited-warning" data-testid="cited-warning">
      <strong>
        {what} {what.endsWith('s') ? 'are' : 'is'} cited in {plural(briefs.length, 'brief')}:
      </strong>{' '}
      {briefs.map((b) => `“${b.title}”`).join(', ')}. There the citation will show as deleted until it is restored.
    </p>
  );
}
