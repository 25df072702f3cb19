import Link from "next/link";

/** The 403 page: shown when a signed-in user opens a page their role does not allow. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">접근 권한이 없습니다</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">이 페이지는 강사와 관리자만 볼 수 있습니다. 다른 계정으로 로그인하거나 강의로 돌아가세요.</p>
      <p className="mt-8">
        <Link href="/" className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800">
          강의 목록으로
        </Link>
      </p>
    </div>
  );
}
