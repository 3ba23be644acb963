import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { coderKeys } from './coder-queries';

/**
 * A "Coder" select for notebook-wide views: everyone's claims, or one coder's. The first list of
 * coders reads every article's claims (seconds at 10,000 articles; later lists re-read only
 * changed articles), so it is asked for when the select is first reached (focus, pointer) or a
 * coder is already chosen, not when the view opens; a view whose first paint matters also passes
 * `load` false until it has painted. Until then only "All coders" (and the chosen one) is offered.
 */
export function CoderField({
  value,
  onChange,
  className,
  load = true,
}: {
  value: string;
  onChange(coderId: string): void;
  className?: string;
  load?: boolean;
}) {
  const [reached, setReached] = useState(false);
  const coders = useQuery({ queryKey: coderKeys.coders, queryFn: () => api.listCoders({}), enabled: load && (reached || value !== '') });
  const reach = () => setReached(true);
  return (
    <label className={className}>
      <span>Coder</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} onFocus={reach} onPointerDown={reach} onMouseEnter={reach}>
        <option value="">All coders</option>
        {value && !coders.data?.some((c) => c.id === value) && <option value={value}>{value}</option>}
        {coders.isFetching && !coders.data && (
          <option value="" disabled>
            Finding coders…
          </option>
        )}
        {(coders.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name ?? c.id}
          </option>
        ))}
      </select>
    </label>
  );
}
