import type { Metadata } from "next";
import { GiftImport } from "@/components/instructor/gift-import";
import { chapterOptions } from "../chapter-options";
import { requireStaffPage } from "../require-staff";

export const metadata: Metadata = { title: "GIFT 가져오기" };

export default async function GiftImportPage() {
  await requireStaffPage("/instructor/import");
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">GIFT 가져오기</h1>
      <p className="mb-6 mt-2 text-slate-600 dark:text-slate-300">
        Moodle의 GIFT 형식 문제를 붙여 넣거나 파일로 올리세요. 저장하기 전에 읽은 문제와 오류를 줄 번호와 함께 보여 주며, 오류가 하나라도 있으면 아무것도 저장하지 않습니다. 가져온 문제는 초안으로 저장됩니다.
      </p>
      <GiftImport chapters={await chapterOptions()} />
    </div>
  );
}
