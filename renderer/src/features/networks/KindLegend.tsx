import { ACTOR_KIND_LABELS, ACTOR_KINDS, type ActorKind } from '../../../../shared/model';

/** The legend of the graph when nodes are coloured by actor kind: the kinds present, and how many actors of each. */
export function KindLegend({ kinds }: { kinds: (ActorKind | null)[] }) {
  const count = (k: ActorKind | null) => kinds.filter((x) => x === k).length;
  const present = ACTOR_KINDS.filter((k) => count(k) > 0);
  return (
    <>
      <h3 className="networks-subtitle">Actor kinds</h3>
      <ul className="networks-coalitions" data-testid="kind-legend">
        {present.map((k) => (
          <li key={k}>
            <span className={`coalition-dot coalition-dot--${ACTOR_KINDS.indexOf(k)}`} aria-hidden="true" /> {ACTOR_KIND_LABELS[k]}: {count(k)}
          </li>
        ))}
        {count(null) > 0 && (
          <li>
            <span className="coalition-dot coalition-dot--none" aria-hidden="true" /> Kind not set: {count(null)}
          </li>
        )}
      </ul>
    </>
  );
}
