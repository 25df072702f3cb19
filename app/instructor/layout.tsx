import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { default: "강사 도구", template: "%s · 강사 도구 · 카프카 코스" }, robots: { index: false } };

const LINKS = [
  { href: "/instructor", label: "문제 은행" },
  { href: "/instructor/questions/new", label: "새 문제" },
  { href: "/instructor/import", label: "GIFT 가져오기" },
  { href: "/instructor/quizzes", label: "수업 퀴즈" },
  { href: "/instructor/stats", label: "문항 분석" },
  { href: "/instructor/progress", label: "학습 현황" },
  { href: "/instructor/reports", label: "문제 신고" },
  { href: "/instructor/grading", label: "서술형 채점" },
  { href: "/instructor/users", label: "사용자 역할" },
];

// Navigation only: every page below checks the role itself (a layout is not re-run on client navigation).
export default function InstructorLayout({ children }: { children: React.ReactNode }) {
  return (
    <div>
      <nav aria-label="강사 도구" className="mb-8 flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm dark:border-slate-700">
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} className="rounded-md px-3 py-1.5 font-semibold text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
            {l.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
