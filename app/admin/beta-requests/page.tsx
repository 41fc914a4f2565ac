/** /admin/beta-requests: the team's queue (filters, approve/decline, CSV). A 404 unless ADMIN_TOKEN is set. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { SiteHeader } from '@/components/lean/site-header';
import { ADMIN_COOKIE, adminToken, validSession } from '@/lib/admin/auth';
import { copies } from '@/lib/beta/copy';
import { parseStatus, STATUSES, type BetaStatus } from '@/lib/beta/fields';
import { countRequests, listRequests } from '@/lib/beta/store';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Beta requests', robots: { index: false, follow: false } };

const en = copies.en;
const button = 'rounded-md border px-2.5 py-1 text-sm font-medium hover:bg-fd-accent focus:outline-none focus:ring-2 focus:ring-fd-ring';

export default async function AdminBetaRequests({ searchParams }: { searchParams: Promise<{ status?: string; login?: string }> }) {
  const token = adminToken();
  if (!token) notFound();
  const params = await searchParams;
  const signedIn = validSession((await cookies()).get(ADMIN_COOKIE)?.value, token);
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-[90rem] flex-1 px-4 py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Beta requests</h1>
        {signedIn ? <Queue filter={parseStatus(params.status)} /> : <Login problem={params.login} />}
      </main>
    </>
  );
}

function Login({ problem }: { problem?: string }) {
  return (
    <form method="post" action="/admin/session" className="mt-8 max-w-md space-y-4">
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-600/50 bg-red-50 p-3 text-red-800 dark:bg-red-950 dark:text-red-200">
          {problem === 'limited' ? 'Too many attempts. Wait a few minutes.' : 'That token is not right.'}
        </p>
      ) : null}
      <div>
        <label htmlFor="token" className="block font-medium">
          Admin token
        </label>
        <input
          id="token"
          name="token"
          type="password"
          required
          autoComplete="current-password"
          className="mt-1 block w-full rounded-lg border bg-fd-background px-3 py-2 focus:outline-none focus:ring-2 focus:ring-fd-ring"
        />
      </div>
      <button type="submit" className="rounded-lg bg-fd-primary px-4 py-2 font-medium text-fd-primary-foreground">
        Sign in
      </button>
    </form>
  );
}

async function Queue({ filter }: { filter?: BetaStatus }) {
  const database = await db();
  const [rows, counts] = await Promise.all([listRequests(database, { status: filter }), countRequests(database)]);
  const tabs: [BetaStatus | undefined, string, number][] = [
    [undefined, 'All', counts.all],
    ...STATUSES.map((s): [BetaStatus, string, number] => [s, en.statuses[s], counts[s]]),
  ];
  const date = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  return (
    <>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
          {tabs.map(([s, label, n]) => (
            <Link
              key={label}
              href={s ? `/admin/beta-requests?status=${s}` : '/admin/beta-requests'}
              prefetch={false}
              aria-current={s === filter ? 'page' : undefined}
              className="rounded-full border px-3 py-1 text-sm aria-[current=page]:bg-fd-primary aria-[current=page]:text-fd-primary-foreground"
            >
              {label} ({n})
            </Link>
          ))}
        </nav>
        <a href={`/api/admin/beta-requests/export${filter ? `?status=${filter}` : ''}`} className={`ms-auto ${button}`} download>
          Export CSV
        </a>
        <form method="post" action="/admin/logout">
          <button type="submit" className={button}>
            Sign out
          </button>
        </form>
      </div>
      {rows.length === 0 ? (
        <p className="mt-8 text-fd-muted-foreground">No requests{filter ? ` with status “${en.statuses[filter]}”` : ''}.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Beta-access requests, newest first</caption>
            <thead className="border-b text-fd-muted-foreground">
              <tr>
                {['Reference', 'Received', 'Company', 'Contact', 'Use case', 'Volume / integration', 'Status', 'Decision'].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reference} id={r.reference} className="border-b align-top" data-reference={r.reference} data-status={r.status}>
                  <td className="px-2 py-3 font-mono">{r.reference}</td>
                  <td className="px-2 py-3 whitespace-nowrap">{date(r.created_at)}</td>
                  <td className="px-2 py-3">
                    {r.legal_name}
                    <br />
                    <span className="font-mono text-fd-muted-foreground">{r.tax_id}</span>
                  </td>
                  <td className="px-2 py-3">
                    {r.contact_name}, {r.role}
                    <br />
                    <a className="text-fd-primary underline" href={`mailto:${r.email}`}>
                      {r.email}
                    </a>
                  </td>
                  <td className="max-w-md px-2 py-3">
                    <span className="font-medium">{en.useCases[r.use_case]}</span>
                    <p className="mt-1 whitespace-pre-line text-fd-muted-foreground">{r.use_case_details}</p>
                  </td>
                  <td className="px-2 py-3">
                    {en.volumes[r.monthly_volume]}
                    <br />
                    {en.integrations[r.integration]}
                  </td>
                  <td className="px-2 py-3">{en.statuses[r.status]}</td>
                  <td className="px-2 py-3">
                    <form method="post" action={`/api/admin/beta-requests/${r.reference}`} className="flex gap-2">
                      {filter ? <input type="hidden" name="filter" value={filter} /> : null}
                      {r.status !== 'approved' ? (
                        <button type="submit" name="status" value="approved" className={button} aria-label={`Approve ${r.legal_name}`}>
                          Approve
                        </button>
                      ) : null}
                      {r.status !== 'declined' ? (
                        <button type="submit" name="status" value="declined" className={button} aria-label={`Decline ${r.legal_name}`}>
                          Decline
                        </button>
                      ) : null}
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
