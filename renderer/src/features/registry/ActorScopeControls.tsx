import { useMemo } from 'react';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, type Actor, type ActorFilter, type ActorKind, type RollUp } from '../../../../shared/model';

/** Which actors a positions map or network draws, and at which level. */
export interface ActorScopeValue {
  rollUp: RollUp;
  kind: ActorKind | '';
  country: string;
  affiliation: string;
}

export const ALL_ACTORS: ActorScopeValue = { rollUp: 'none', kind: '', country: '', affiliation: '' };

/** The request fields for a scope: nothing when it draws every actor as coded (so the request stays as it was). */
export function scopeRequest(scope: ActorScopeValue): { rollUp?: RollUp; actorFilter?: ActorFilter } {
  const actorFilter: ActorFilter = {
    ...(scope.kind ? { kinds: [scope.kind] } : {}),
    ...(scope.country ? { countries: [scope.country] } : {}),
    ...(scope.affiliation ? { affiliations: [scope.affiliation] } : {}),
  };
  return { ...(scope.rollUp !== 'none' ? { rollUp: scope.rollUp } : {}), ...(Object.keys(actorFilter).length ? { actorFilter } : {}) };
}

/**
 * Roll-up and attribute filters for the positions and networks views: draw actors as coded, one
 * level up their parent chain, or at its top; keep one kind, country or affiliation. The filter applies to
 * the actors as drawn (after the roll-up).
 */
export function ActorScopeControls({
  actors,
  value,
  onChange,
  fieldClass,
}: {
  actors: Actor[];
  value: ActorScopeValue;
  onChange(next: ActorScopeValue): void;
  fieldClass: string;
}) {
  const countries = useMemo(() => distinct(actors.map((a) => a.country)), [actors]);
  const affiliations = useMemo(() => distinct(actors.map((a) => a.affiliation)), [actors]);
  const hasParents = actors.some((a) => a.parentId);
  return (
    <>
      <label className={fieldClass}>
        <span>Actors</span>
        <select
          className="input"
          value={value.rollUp}
          onChange={(e) => onChange({ ...value, rollUp: e.target.value as RollUp })}
          aria-describedby={hasParents ? undefined : 'actor-scope-no-parents'}
        >
          <option value="none">As coded</option>
          <option value="parent">Rolled up one level</option>
          <option value="top">Rolled up to the top</option>
        </select>
        {!hasParents && (
          <span id="actor-scope-no-parents" className="visually-hidden">
            No actor has a parent yet; set parents in the codebook to roll up.
          </span>
        )}
      </label>
      <label className={fieldClass}>
        <span>Kind</span>
        <select className="input" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as ActorKind | '' })}>
          <option value="">All kinds</option>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {ACTOR_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {countries.length > 0 && (
        <label className={fieldClass}>
          <span>Country</span>
          <select className="input" value={value.country} onChange={(e) => onChange({ ...value, country: e.target.value })}>
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      {affiliations.length > 0 && (
        <label className={fieldClass}>
          <span>Affiliation</span>
          <select className="input" value={value.affiliation} onChange={(e) => onChange({ ...value, affiliation: e.target.value })}>
            <option value="">All affiliations</option>
            {affiliations.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

/** The values actors have, once each (case ignored, the first spelling kept), in alphabetical order. */
function distinct(values: (string | null | undefined)[]): string[] {
  const byKey = new Map<string, string>();
  for (const v of values) {
    const t = v?.trim();
    if (t && !byKey.has(t.toLocaleLowerCase())) byKey.set(t.toLocaleLowerCase(), t);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
