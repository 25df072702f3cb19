import Link from "next/link";
import { ReviewCountLink } from "../assessment/review-count-link";
import { UserMenu } from "../auth/user-menu";
import { ThemeToggle } from "./theme-toggle";

const NAV_LINK = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * The top bar: course title, main navigation, search, theme switch and sign-in state. Its links do
 * not prefetch: on every page load they would fetch and run other routes' code while the learner
 * is reading this one (ADR 0032); a click fetches the route then.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b print:hidden border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-3 sm:gap-2 sm:px-4">
        <Link
          href="/"
          prefetch={false}
          className="mr-1 flex shrink-0 items-center gap-2 whitespace-nowrap text-lg font-bold text-slate-900 dark:text-white"
        >
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
            <rect width="32" height="32" rx="7" className="fill-sky-700" />
            <path d="M9 8v16M9 16l9-8M9 16l9 8" stroke="white" strokeWidth="3" strokeLinecap="round" fill="none" />
            <circle cx="22" cy="8" r="2.5" fill="white" />
            <circle cx="22" cy="24" r="2.5" fill="white" />
          </svg>
          카프카 코스
        </Link>
        <nav aria-label="주요 메뉴" className="hidden items-center sm:flex">
          <Link href="/#chapters" prefetch={false} className={NAV_LINK}>
            강의 목차
          </Link>
          <Link href="/glossary" prefetch={false} className={NAV_LINK}>
            용어집
          </Link>
          <ReviewCountLink className={NAV_LINK} />
          <Link href="/exam" prefetch={false} className={`${NAV_LINK} hidden lg:inline-block`}>
            종합 평가
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          {/* A plain GET form: works before hydration and keeps every page static. */}
          <form action="/search" method="get" role="search" className="hidden md:block">
            <label htmlFor="site-search" className="sr-only">
              강의 검색
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder="검색"
              className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 lg:w-56 dark:border-slate-600 dark:bg-slate-900 dark:text-white"
            />
          </form>
          <Link href="/search" prefetch={false} aria-label="검색" className={`${NAV_LINK} md:hidden`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2}>
              <circle cx="8.5" cy="8.5" r="5.5" />
              <path d="M13 13l4.5 4.5" strokeLinecap="round" />
            </svg>
          </Link>
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
