import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { coderKeys } from './coder-queries';

/**
 * A "Coder" select for notebook-wide views: everyone's claims, or one coder's. Listing the coders
 * reads every claim of the notebook (seconds at 10,000 articles), so a view whose first paint
 * matters passes `load` false until it has painted; until then only "All coders" is offered.
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
  const coders = useQuery({ queryKey: coderKeys.coders, queryFn: () => api.listCoders({}), enabled: load });
  return (
    <label className={className}>
      <span>Coder</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All coders</option>
        {(coders.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name ?? c.id}
          </option>
        ))}
      </select>
    </label>
  );
}
