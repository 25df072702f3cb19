// `npm run cache:purge [-- <chapter-slug>]`: drops cached lessons of a running `npm run start:cached`.
import { defaultNginxPrefix, purgeLessons } from "./cache-purge.mts";

const slug = process.argv[2];
const { reloaded } = purgeLessons(slug, defaultNginxPrefix());
console.log(
  `${slug ? `장 ${slug}와 목차` : "모든 강의"}의 캐시를 비웠습니다` + (reloaded ? " (nginx 다시 읽음)." : " (실행 중인 nginx 없음: 다음 시작부터 적용)."),
);
