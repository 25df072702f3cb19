/** A labelled input for the sign-in and sign-up forms. */
export function AuthField(props: { label: string; name: string; type?: string; autoComplete?: string; hint?: string; minLength?: number }) {
  const id = `field-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        required
        minLength={props.minLength}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white"
      />
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {props.hint}
        </p>
      )}
    </div>
  );
}

export const primaryButton = "w-full rounded-md bg-sky-700 px-4 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60";
