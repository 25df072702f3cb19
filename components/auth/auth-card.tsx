/** The centred card around the sign-in and sign-up forms. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-sm py-6">
      <h1 className="mb-6 text-2xl font-bold text-slate-900 dark:text-white">{title}</h1>
      <div className="rounded-xl border border-slate-200 p-6 dark:border-slate-700">{children}</div>
    </div>
  );
}
