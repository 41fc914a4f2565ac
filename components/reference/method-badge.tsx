/** The HTTP method as a coloured badge. */
const COLORS: Record<string, string> = {
  get: 'bg-emerald-500/15 text-emerald-700 dark:text-emerald-400',
  post: 'bg-blue-500/15 text-blue-700 dark:text-blue-400',
  put: 'bg-amber-500/15 text-amber-700 dark:text-amber-400',
  patch: 'bg-orange-500/15 text-orange-700 dark:text-orange-400',
  delete: 'bg-red-500/15 text-red-700 dark:text-red-400',
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={`method-badge ${COLORS[method] ?? 'bg-fd-muted'}`}>{method.toUpperCase()}</span>;
}
