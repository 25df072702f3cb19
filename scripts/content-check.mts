// `npm run content:check`: frontmatter, internal links and anchors, glossary references, widget tags and
// their props, quiz files and images of every chapter. Prints each problem and exits 1 if there is any.
import { checkContent } from "../lib/content/check";

const errors = checkContent();
for (const e of errors) console.error(`✗ ${e}`);
console.log(errors.length ? `\n내용 검사: 문제 ${errors.length}개` : "내용 검사: 문제 없음");
process.exit(errors.length ? 1 : 0);
