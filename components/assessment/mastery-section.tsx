import { MASTERY_LEVELS, MASTERY_RULE_KO, masteryIndex, type MasteryLevel } from "@/lib/assessment/mastery";

const TONE = ["bg-slate-200", "bg-amber-300", "bg-sky-300", "bg-sky-500", "bg-emerald-500"];

/** A concept's mastery level as a five-step bar with its name. */
export function MasteryMeter({ level }: { level: MasteryLevel }) {
  const n = masteryIndex(level);
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="inline-flex gap-0.5">
        {MASTERY_LEVELS.slice(1).map((l, i) => (
          <span key={l} className={`h-2.5 w-5 rounded-sm ${i < n ? TONE[n] : "bg-slate-200 dark:bg-slate-700"}`} />
        ))}
      </span>
      <span className="text-sm font-medium">{level}</span>
    </span>
  );
}

/** The mastery rule in Korean, with the learner's current level per concept when given. */
export function MasterySection({ levels }: { levels?: [string, MasteryLevel][] }) {
  return (
    <section id="mastery" aria-labelledby="mastery-title" className="mt-10 rounded-xl bg-slate-50 p-5 dark:bg-slate-900">
      <h2 id="mastery-title" className="text-xl font-bold text-slate-900 dark:text-white">
        숙련도는 이렇게 정해집니다
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
        {MASTERY_RULE_KO.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {levels && levels.length > 0 && (
        <table className="mt-5 w-full text-left text-sm">
          <caption className="sr-only">개념별 숙련도</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="py-2 pr-4">
                개념
              </th>
              <th scope="col" className="py-2">
                숙련도
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map(([concept, level]) => (
              <tr key={concept} className="border-b border-slate-200 dark:border-slate-800" data-testid={`mastery-${concept}`}>
                <td className="py-2 pr-4 font-mono">{concept}</td>
                <td className="py-2">
                  <MasteryMeter level={level} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
