// `npm run cache:purge [-- <chapter-slug>]`: drops cached lessons of a running `npm run start:cached`,
// then writes them again from the app (so a published quiz shows at once, still at cache speed).
import { defaultNginxPrefix, purgeLessons, rewarmLessons } from "./lesson-cache.mts";

const slug = process.argv[2];
const prefix = defaultNginxPrefix();
const { reloaded } = purgeLessons(slug, prefix);
console.log(
  `${slug ? `장 ${slug}와 목차` : "모든 강의"}의 캐시를 비웠습니다` + (reloaded ? " (nginx 다시 읽음)." : " (실행 중인 nginx 없음)."),
);
if (reloaded) {
  const r = await rewarmLessons(prefix);
  console.log(`강의 ${r.written.length}개를 앱에서 다시 받아 디스크에 썼습니다.`);
}
