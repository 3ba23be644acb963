import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { coderKeys } from './coder-queries';

/** A "Coder" select for notebook-wide views: everyone's claims, or one coder's. */
export function CoderField({ value, onChange, className }: { value: string; onChange(coderId: string): void; className?: string }) {
  const coders = useQuery({ queryKey: coderKeys.coders, queryFn: () => api.listCoders({}) });
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
