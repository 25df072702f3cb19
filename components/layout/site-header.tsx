import Link from "next/link";
import { UserMenu } from "../auth/user-menu";
import { ThemeToggle } from "./theme-toggle";

/** The top bar: course title, main navigation, theme switch and sign-in state. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-3 sm:gap-2 sm:px-4">
        <Link href="/" className="mr-1 flex shrink-0 items-center gap-2 whitespace-nowrap text-lg font-bold text-slate-900 dark:text-white">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
            <rect width="32" height="32" rx="7" className="fill-sky-700" />
            <path d="M9 8v16M9 16l9-8M9 16l9 8" stroke="white" strokeWidth="3" strokeLinecap="round" fill="none" />
            <circle cx="22" cy="8" r="2.5" fill="white" />
            <circle cx="22" cy="24" r="2.5" fill="white" />
          </svg>
          카프카 코스
        </Link>
        <nav aria-label="주요 메뉴" className="hidden items-center sm:flex">
          <Link
            href="/#chapters"
            className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            강의 목차
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
