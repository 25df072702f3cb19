import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GIFT_BLANK, parseGift, toGift, type GiftAnswer, type GiftQuestion } from "./gift";
import { sharedFixture } from "../testing/shared-fixtures";

const fixture = (p: string) => readFileSync(p, "utf8");
const MOODLE_EXAMPLES = fixture(sharedFixture("moodle-gift-examples.txt"));
const here = (f: string) => fixture(path.join(import.meta.dirname, "__fixtures__", f));

function withoutLines(qs: GiftQuestion[]): Omit<GiftQuestion, "line">[] {
  return qs.map((q) => {
    const { line: _line, ...rest } = q;
    void _line;
    return rest;
  });
}

/** Moodle's examples file, question by question, as Moodle's importer reads it. */
const MOODLE_EXPECTED: GiftQuestion[] = [
  {prompt: "Who's buried in Grant's tomb?",line: 8,type: "single",answers: [{text: "Grant",weight: 0},{text: "Jefferson",weight: 0},{text: "no one",weight: 1}]},
  {prompt: "Grant is _____ in Grant's tomb.",missingWord: true,line: 10,type: "single",answers: [{text: "buried",weight: 0},{text: "entombed",weight: 1},{text: "living",weight: 0}]},
  {prompt: "Grant is buried in Grant's tomb.",line: 12,type: "truefalse",answer: false},
  {prompt: "Who's buried in Grant's tomb?",line: 14,type: "short",answers: [{text: "no one",weight: 1},{text: "nobody",weight: 1}]},
  {prompt: "When was Ulysses S. Grant born?",line: 16,type: "numeric",answers: [{value: 1822,tolerance: 1,weight: 1}]},
  {prompt: "Who's buried in Grant's tomb?",line: 25,type: "single",answers: [{text: "Grant",weight: 0},{text: "Jefferson",weight: 0},{text: "no one",weight: 1}]},
  {prompt: "Grant is _____ in Grant's tomb.",missingWord: true,line: 27,type: "single",answers: [{text: "buried",weight: 0},{text: "entombed",weight: 1},{text: "living",weight: 0}]},
  {prompt: "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.",missingWord: true,line: 29,type: "single",answers: [{text: "second",weight: 0},{text: "third",weight: 0},{text: "fourth",weight: 1}]},
  {prompt: "Japanese characters originally came from what country?",line: 35,type: "single",answers: [{text: "India",weight: 0},{text: "China",weight: 1},{text: "Korea",weight: 0},{text: "Egypt",weight: 0}]},
  {prompt: "Who's buried in Grant's tomb?",line: 43,type: "short",answers: [{text: "no one",weight: 1},{text: "nobody",weight: 1}]},
  {prompt: "Two plus two equals _____.",missingWord: true,line: 45,type: "short",answers: [{text: "four",weight: 1},{text: "4",weight: 1}]},
  {prompt: "Grant is buried in Grant's tomb.",line: 49,type: "truefalse",answer: false},
  {prompt: "The sun rises in the east.",line: 51,type: "truefalse",answer: true},
  {prompt: "Matching Question.",line: 55,type: "matching",pairs: [{question: "subquestion1",answer: "subanswer1"},{question: "subquestion2",answer: "subanswer2"},{question: "subquestion3",answer: "subanswer3"}]},
  {prompt: "Match the following countries with their corresponding capitals.",line: 61,type: "matching",pairs: [{question: "Canada",answer: "Ottawa"},{question: "Italy",answer: "Rome"},{question: "Japan",answer: "Tokyo"},{question: "India",answer: "New Delhi"}]},
  {prompt: "When was Ulysses S. Grant born?",line: 70,type: "numeric",answers: [{value: 1822,tolerance: 0,weight: 1}]},
  {prompt: "What is the value of pi (to 3 decimal places)? _____.",missingWord: true,line: 72,type: "numeric",answers: [{value: 3.1415,tolerance: 0.0005,weight: 1}]},
  {prompt: "What is the value of pi (to 3 decimal places)? _____.",missingWord: true,line: 74,type: "numeric",answers: [{value: 3.1414999999999997,tolerance: 0.000500000000000167,range: {min: 3.141,max: 3.142},weight: 1}]},
  {prompt: "When was Ulysses S. Grant born?",line: 76,type: "numeric",answers: [{value: 1822,tolerance: 0,weight: 1},{value: 1822,tolerance: 2,weight: 0.5}]},
  {prompt: "What's 2 plus 2?",line: 85,type: "numeric",answers: [{value: 4,tolerance: 0,weight: 1}]},
  {name: "Kanji Origins",prompt: "Japanese characters originally\ncame from what country?",line: 90,type: "short",answers: [{text: "China",weight: 1}]},
  {name: "Thanksgiving Date",prompt: "The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November.",missingWord: true,line: 93,type: "single",answers: [{text: "second",weight: 0},{text: "third",weight: 0},{text: "fourth",weight: 1}]},
  {prompt: "What's the answer to this multiple-choice question?",line: 98,type: "single",answers: [{text: "wrong answer",weight: 0,feedback: "feedback comment on the wrong answer"},{text: "another wrong answer",weight: 0,feedback: "feedback comment on this wrong answer"},{text: "right answer",weight: 1,feedback: "Very good!"}]},
  {prompt: "Who's buried in Grant's tomb?",line: 103,type: "short",answers: [{text: "no one",weight: 1,feedback: "excellent answer!"},{text: "nobody",weight: 1,feedback: "excellent answer!"}]},
  {prompt: "Who's buried in **Grant's tomb**?",format: "markdown",line: 108,type: "short",answers: [{text: "no one",weight: 1,feedback: "excellent answer!"},{text: "nobody",weight: 1,feedback: "excellent answer!"}]},
  {prompt: "Grant is buried in Grant's tomb.",line: 113,type: "truefalse",answer: false,feedbackWrong: "No one is buried in Grant's tomb."},
  {prompt: "Difficult question.",line: 115,type: "single",answers: [{text: "wrong answer",weight: 0},{text: "half credit answer",weight: 0.5},{text: "full credit answer",weight: 1}]},
  {name: "Jesus' hometown",prompt: "Jesus Christ was from _____.",missingWord: true,line: 117,type: "single",answers: [{text: "Jerusalem",weight: 0,feedback: "This was an important city, but the wrong answer."},{text: "Bethlehem",weight: 0.25,feedback: "He was born here, but not raised here."},{text: "Galilee",weight: 0.5,feedback: "You need to be more specific."},{text: "Nazareth",weight: 1,feedback: "Yes! That's right!"}]},
  {name: "Jesus' hometown",prompt: "Jesus Christ was from",line: 123,type: "short",answers: [{text: "Nazareth",weight: 1,feedback: "Yes! That's right!"},{text: "Nazereth",weight: 0.75,feedback: "Right, but misspelled."},{text: "Bethlehem",weight: 0.25,feedback: "He was born here, but not raised here."}]},
  {prompt: "What two people are entombed in Grant's tomb?",line: 130,type: "multiple",answers: [{text: "No one",weight: 0},{text: "Grant",weight: 0.5},{text: "Grant's wife",weight: 0.5},{text: "Grant's father",weight: 0}]},
  {prompt: "What two people are entombed in Grant's tomb?",line: 136,type: "multiple",answers: [{text: "No one",weight: -0.5},{text: "Grant",weight: 0.5},{text: "Grant's wife",weight: 0.5},{text: "Grant's father",weight: -0.5}]},
  {prompt: "Which answer equals 5?",line: 143,type: "single",answers: [{text: "= 2 + 2",weight: 0},{text: "= 2 + 3",weight: 1},{text: "= 2 + 4",weight: 0}]},
  {name: "GIFT Control Characters",prompt: "Which of the following is NOT a control character for the GIFT import format?",line: 148,type: "single",answers: [{text: "~",weight: 0,feedback: "~ is a control character."},{text: "=",weight: 0,feedback: "= is a control character."},{text: "#",weight: 0,feedback: "# is a control character."},{text: "{",weight: 0,feedback: "{ is a control character."},{text: "}",weight: 0,feedback: "} is a control character."},{text: "\\",weight: 1,feedback: "Correct! \\ (backslash) is not a control character. BUT,\n              it is used to escape the control characters. So, to specify\n              a literal backslash, you must escape it with a backslash\n              (as shown in this example)."}]},
  {prompt: "Who's buried in Grant's tomb?",line: 167,type: "single",answers: [{text: "Grant",weight: 0},{text: "Jefferson",weight: 0},{text: "no one",weight: 1}]},
  {prompt: "Grant is _____ in Grant's tomb.",missingWord: true,line: 169,type: "single",answers: [{text: "buried",weight: 0},{text: "entombed",weight: 1},{text: "living",weight: 0}]},
  {prompt: "Grant is buried in Grant's tomb.",line: 171,type: "truefalse",answer: false},
  {prompt: "Who's buried in Grant's tomb?",line: 173,type: "short",answers: [{text: "no one",weight: 1},{text: "nobody",weight: 1}]},
  {prompt: "When was Ulysses S. Grant born?",line: 175,type: "numeric",answers: [{value: 1822,tolerance: 5,weight: 1}]},
  {prompt: "Match the following countries with their corresponding\ncapitals.",line: 177,type: "matching",pairs: [{question: "Canada",answer: "Ottawa"},{question: "Italy",answer: "Rome"},{question: "Japan",answer: "Tokyo"}]},
  {name: "Grant's Tomb",prompt: "Grant is _____ in Grant's tomb.",missingWord: true,line: 184,type: "single",answers: [{text: "buried",weight: 0,feedback: "No one is buried there."},{text: "entombed",weight: 1,feedback: "Right answer!"},{text: "living",weight: 0,feedback: "We hope not!"}]},
  {prompt: "Difficult multiple choice question.",line: 190,type: "single",answers: [{text: "wrong answer",weight: 0,feedback: "comment on wrong answer"},{text: "half credit answer",weight: 0.5,feedback: "comment on answer"},{text: "full credit answer",weight: 1,feedback: "well done!"}]},
  {name: "Jesus' hometown (Short answer ex.)",prompt: "Jesus Christ was from _____.",missingWord: true,line: 195,type: "short",answers: [{text: "Nazareth",weight: 1,feedback: "Yes! That's right!"},{text: "Nazereth",weight: 0.75,feedback: "Right, but misspelled."},{text: "Bethlehem",weight: 0.25,feedback: "He was born here, but not raised here."}]},
  {name: "Numerical example",prompt: "When was Ulysses S. Grant born?",line: 202,type: "numeric",answers: [{value: 1822,tolerance: 0,weight: 1,feedback: "Correct! 100% credit"},{value: 1822,tolerance: 2,weight: 0.5,feedback: "He was born in 1822.\n                  You get 50% credit for being close."}]},

];

describe("parseGift on Moodle's examples file", () => {
  const parsed = parseGift(MOODLE_EXAMPLES);

  it("reads all 43 questions without errors", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions).toHaveLength(43);
  });

  it("reads every question's type, name, prompt, answers, weights and feedback", () => {
    parsed.questions.forEach((q, i) => expect(q, `question at line ${q.line}`).toEqual(MOODLE_EXPECTED[i]));
  });

  it("round-trips: parse, toGift, parse gives the same questions", () => {
    const again = parseGift(toGift(parsed.questions));
    expect(again.errors).toEqual([]);
    expect(withoutLines(again.questions)).toEqual(withoutLines(parsed.questions));
  });
});

describe("parseGift on cases from Moodle's importer tests", () => {
  const one = (text: string) => {
    const r = parseGift(text);
    expect(r.errors).toEqual([]);
    expect(r.questions).toHaveLength(1);
    return r.questions[0];
  };

  it("reads an essay from empty braces after a comment line", () => {
    expect(one("\n// essay\n::Q8:: How are you? {}")).toEqual({ name: "Q8", prompt: "How are you?", type: "essay", line: 3 });
  });

  it("reads matching with per-item formats and an empty-question distractor", () => {
    const q = one(`// question: 2  name: Moodle activities
::Moodle activities::[html]Match the <b>activity</b> to the description.{
    =[html]An activity supporting asynchronous discussions. -> Forum
    =[moodle]A teacher asks a question and specifies a choice of multiple responses. -> Choice
    =[plain]A bank of record entries which participants can add to. -> Database
    =[markdown]A collection of web pages that anyone can add to or edit. -> Wiki
    = -> Chat
}`);
    expect(q).toMatchObject({ type: "matching", format: "html", prompt: "Match the <b>activity</b> to the description." });
    expect(q.type === "matching" && q.pairs).toEqual([
      { question: "An activity supporting asynchronous discussions.", answer: "Forum", format: "html" },
      { question: "A teacher asks a question and specifies a choice of multiple responses.", answer: "Choice", format: "moodle" },
      { question: "A bank of record entries which participants can add to.", answer: "Database", format: "plain" },
      { question: "A collection of web pages that anyone can add to or edit.", answer: "Wiki", format: "markdown" },
      { question: "", answer: "Chat" },
    ]);
  });

  it("reads formats on answers and on feedback, with the answer block on its own line", () => {
    const q = one(`::Q2:: What's between orange and green in the spectrum?
{
    =yellow # right; good!
    ~red # [html]wrong, it's yellow
    ~[plain]blue # wrong, it's yellow
}`);
    expect(q).toEqual({
      name: "Q2",
      prompt: "What's between orange and green in the spectrum?",
      type: "single",
      line: 1,
      answers: [
        { text: "yellow", weight: 1, feedback: "right; good!" },
        { text: "red", weight: 0, feedback: "wrong, it's yellow", feedbackFormat: "html" },
        { text: "blue", weight: 0, format: "plain", feedback: "wrong, it's yellow" },
      ],
    });
  });

  it("reads a multiple-response question from negative and positive ~%n% weights with no '='", () => {
    const q = one(`::colours:: What's between orange and green in the spectrum?
{
    ~%50%yellow # right; good!
    ~%-100%red # [html]wrong
    ~%50%off-beige # right; good!
    ~%-100%[plain]blue # wrong
}`);
    expect(q.type).toBe("multiple");
    expect(q.type === "multiple" && q.answers.map((a) => [a.text, a.weight, a.format])).toEqual([
      ["yellow", 0.5, undefined],
      ["red", -1, undefined],
      ["off-beige", 0.5, undefined],
      ["blue", -1, "plain"],
    ]);
  });

  it("treats ~%100% without any '=' as a multiple-response question, as Moodle does", () => {
    const q = one("Pick the right one {~%100%right ~wrong}");
    expect(q.type).toBe("multiple");
  });

  it("reads true/false feedback in the order wrong answer, then right answer", () => {
    expect(one("// true/false\n::Q1:: 42 is the Absolute Answer to everything.{FALSE#42 is the Ultimate Answer.#You gave the right answer.}")).toEqual({
      name: "Q1",
      prompt: "42 is the Absolute Answer to everything.",
      type: "truefalse",
      answer: false,
      feedbackWrong: "42 is the Ultimate Answer.",
      feedbackRight: "You gave the right answer.",
      line: 2,
    });
    expect(one("The sun rises in the east.{TRUE}")).toMatchObject({ type: "truefalse", answer: true });
    expect(one("The sun rises in the east.{T}")).toMatchObject({ type: "truefalse", answer: true });
  });

  it("reads lowercase {true} as a short answer, since Moodle's true/false markers are uppercase", () => {
    expect(one("Say true {true}")).toMatchObject({ type: "short", answers: [{ text: "true", weight: 1 }] });
  });

  it("reads a short answer without '=' and several weighted answers", () => {
    expect(one("Capital of Korea? {Seoul}")).toMatchObject({ type: "short", answers: [{ text: "Seoul", weight: 1 }] });
  });

  it("reads numeric catch-all feedback after '~' and general feedback after '####'", () => {
    const q = one("::Q5:: What is a number from 1 to 5? {#3:2 ~#Completely wrong. ####You should know this.}");
    expect(q).toEqual({
      name: "Q5",
      prompt: "What is a number from 1 to 5?",
      type: "numeric",
      answers: [{ value: 3, tolerance: 2, weight: 1 }],
      otherFeedback: "Completely wrong.",
      generalFeedback: "You should know this.",
      line: 1,
    });
  });

  it("reads general feedback with its own format on an essay", () => {
    expect(one("::Q8:: How are you? {####[html]<p>Good</p>}")).toMatchObject({
      type: "essay",
      generalFeedback: "<p>Good</p>",
      generalFeedbackFormat: "html",
    });
  });

  it("reads a question with no braces as a description, and \\n as a line break", () => {
    expect(one("::Intro:: Read this first.\\nThen answer.")).toEqual({ name: "Intro", prompt: "Read this first.\nThen answer.", type: "description", line: 1 });
  });

  it("keeps a backslash before a character that needs no escape, and \\\\ as one backslash", () => {
    expect(one("Path C:\\\\temp and a\\b {=ok}")).toMatchObject({ prompt: "Path C:\\temp and a\\b" });
  });

  it("accepts Windows line endings, a BOM and tabs", () => {
    const r = parseGift("\uFEFF::A::\tFirst?{T}\r\n\r\n::B:: Second?{\r\n\t=yes\r\n}\r\n");
    expect(r.errors).toEqual([]);
    expect(r.questions.map((q) => [q.name, q.line, q.type])).toEqual([["A", 1, "truefalse"], ["B", 3, "short"]]);
  });

  it("skips comment lines inside a question and files that hold only comments", () => {
    expect(one("::C:: 고르세요 {\n  =맞음\n  // 이 줄은 주석입니다\n  ~틀림\n}")).toMatchObject({ type: "single", answers: [{ text: "맞음" }, { text: "틀림" }] });
    expect(parseGift("// 주석만\n   // 또 주석\n")).toEqual({ questions: [], errors: [] });
  });

  it("splits a question whose answer block has a blank line, as Moodle does, and names both halves", () => {
    const r = parseGift("질문 {\n=a\n\n~b }");
    expect(r.questions).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 4]);
  });

  it("takes an unclosed '::' as part of no name, as Moodle does", () => {
    expect(one("::No name here {=x}")).toMatchObject({ prompt: "No name here" });
    expect(one("::No name here {=x}")).not.toHaveProperty("name");
  });
});

describe("parseGift on Korean files", () => {
  it("reads every type, categories and Korean feedback", () => {
    const r = parseGift(here("kafka-basics.gift.txt"));
    expect(r.errors).toEqual([]);
    expect(r.category).toBe("$course$/카프카 기초/복제");
    expect(r.questions.map((q) => [q.name, q.type, q.category, q.line])).toEqual([
      ["리더 선출", "single", "$course$/카프카 기초/복제", 4],
      ["acks=all", "truefalse", "$course$/카프카 기초/복제", 11],
      ["오류 코드", "short", "$course$/카프카 기초/복제", 13],
      ["HW", "numeric", "$course$/카프카 기초/복제", 18],
      ["보존 기간", "numeric", "$course$/카프카 기초/복제", 20],
      ["짝 맞추기", "matching", "$course$/카프카 기초/개념", 28],
      ["복수 선택", "multiple", "$course$/카프카 기초/개념", 35],
      ["서술형", "essay", "$course$/카프카 기초/개념", 41],
      ["안내", "description", "$course$/카프카 기초/개념", 43],
    ]);
    const [leader, acks, code, hw, retention, match, multi, essay, note] = r.questions;
    expect(leader).toMatchObject({
      format: "markdown",
      prompt: "`Replicas: 3,1,2`, `Isr: 3,2,1`인 파티션에서 브로커 3이 멈추면 새 리더는?",
      generalFeedback: "컨트롤러는 `Replicas` 순서대로 훑습니다.",
      answers: [
        { text: "브로커 2", weight: 0, feedback: "ISR 목록의 순서는 선출 기준이 아닙니다." },
        { text: "브로커 1", weight: 1, feedback: "배정 순서에서 살아 있는 첫 ISR 멤버입니다." },
        { text: "브로커 3", weight: 0 },
      ],
    });
    expect(acks).toMatchObject({ prompt: "프로듀서가 acks=all로 보내면 배정된 모든 복제본을 기다린다.", answer: false, feedbackWrong: "ISR 멤버만 기다립니다.", feedbackRight: "맞습니다. 기다리는 대상은 ISR입니다." });
    expect(code).toMatchObject({ answers: [{ text: "NOT_ENOUGH_REPLICAS", weight: 1 }, { text: "NotEnoughReplicasException", weight: 0.5, feedback: "Java 예외 이름입니다. 프로토콜 오류 코드를 쓰세요." }] });
    expect(hw).toMatchObject({ prompt: `ISR의 LEO가 10과 8이면 하이 워터마크는 ${GIFT_BLANK} 입니다.`, missingWord: true, answers: [{ value: 8, tolerance: 0, weight: 1 }] });
    expect(retention).toMatchObject({ answers: [{ value: 7, tolerance: 0, weight: 1, feedback: "맞습니다." }, { value: 7, tolerance: 1, range: { min: 6, max: 8 }, weight: 0.5 }], otherFeedback: "기본값은 168시간(7일)입니다." });
    expect(match).toMatchObject({ pairs: [{ question: "acks", answer: "쓰기 확인 수준" }, { question: "min.insync.replicas", answer: "ISR의 하한" }, { question: "retention.ms", answer: "보존 기간" }, { question: "", answer: "파티션 개수" }] });
    expect(multi).toMatchObject({ answers: [{ text: "acks=all", weight: 0.5 }, { text: "min.insync.replicas=2", weight: 0.5 }, { text: "unclean.leader.election.enable=true", weight: -1, feedback: "유실 위험이 커집니다." }] });
    expect(essay).toMatchObject({ format: "markdown", generalFeedback: "ISR의 하한이 없으면 리더 혼자서도 성공을 돌려줍니다." });
    expect(note).toMatchObject({ prompt: "다음 문항은 4장 복제 내용을 다룹니다. 중괄호는 { }처럼 씁니다.\n줄바꿈도 됩니다." });
  });

  it("round-trips the Korean file", () => {
    const first = parseGift(here("kafka-basics.gift.txt"));
    const again = parseGift(toGift(first.questions));
    expect(again.errors).toEqual([]);
    expect(again.category).toBe(first.category);
    expect(withoutLines(again.questions)).toEqual(withoutLines(first.questions));
  });

  it("names each bad question's first line with a Korean message and keeps the good ones apart", () => {
    const r = parseGift(here("broken.gift.txt"));
    expect(r.questions.map((q) => q.name)).toEqual(["정상"]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 6, 8, 13, 15]);
    const [brace, oneChoice, pair, numeric, weights] = r.errors.map((e) => e.message);
    expect(brace).toMatch(/^4번째 줄에서 시작하는 문항: 중괄호 \{ \}의 짝이 맞지 않습니다/);
    expect(oneChoice).toContain("객관식 문항에는 보기가 두 개 이상 있어야 합니다");
    expect(pair).toContain("짝 맞추기 항목 'retention.ms 보존 기간'에 '->'가 없습니다");
    expect(numeric).toContain("숫자 답 '일곱:1'를 읽을 수 없습니다");
    expect(weights).toContain("양수 가중치를 더하면 100%가 되어야 합니다");
  });

  it("rejects a single choice without a full-credit answer and weights beyond 100 %", () => {
    expect(parseGift("Q {=%50%a ~b}").errors[0].message).toContain("100% 정답");
    expect(parseGift("\n\nQ {~%150%a ~b}").errors).toEqual([{ line: 3, message: expect.stringContaining("가중치 150%는 -100%에서 100% 사이여야 합니다") }]);
    expect(parseGift("Q {#1..x}").errors[0].message).toContain("숫자 범위");
    expect(parseGift("Q {#5..1}").errors[0].message).toContain("최솟값이 최댓값보다 큽니다");
    expect(parseGift("Q } {=a").errors[0].message).toContain("중괄호");
  });
});

describe("toGift", () => {
  it("escapes control characters and writes weights, ranges and the missing-word position", () => {
    const out = toGift([
      { type: "single", prompt: "a=b? {x}", line: 1, answers: [{ text: "~네", weight: 1 }, { text: "#아니오", weight: 0 }] },
      { type: "numeric", prompt: `범위 ${GIFT_BLANK} 끝`, missingWord: true, line: 1, answers: [{ value: 7, tolerance: 1, range: { min: 6, max: 8 }, weight: 0.5 }, { value: 7, tolerance: 0, weight: 1 }] },
    ]);
    expect(out).toBe("a\\=b? \\{x\\}{\n\t=\\~네\n\t~\\#아니오\n}\n\n범위 {#\n\t=%50%6..8\n\t=7:0\n} 끝\n");
  });

  it("writes a $CATEGORY line whenever the category changes", () => {
    const q = (category: string): GiftQuestion => ({ type: "essay", prompt: "설명하세요", category, line: 1 });
    expect(toGift([q("가"), q("가"), q("나")]).match(/\$CATEGORY: /g)).toHaveLength(2);
  });
});

// Text as an author would write it: Korean, ASCII, GIFT control characters, no edge whitespace.
const piece = fc.stringMatching(/^[가-힣a-zA-Z0-9 .,?!=~#{}:\\-]{0,12}$/);
const text = piece.map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith("[") && !s.startsWith("//") && !s.includes(GIFT_BLANK) && !s.includes("->") && !s.includes("//"));
const weightPct = fc.integer({ min: -100, max: 100 });
const feedback = fc.option(text, { nil: undefined });
const withFeedback = <T extends object>(a: T, f: string | undefined) => (f ? { ...a, feedback: f } : a);

const choice = (w: fc.Arbitrary<number>) => fc.tuple(text, w, feedback).map(([t, weight, f]): GiftAnswer => withFeedback({ text: t, weight }, f));
const common = fc.record({ name: fc.option(text.map((s) => s.replace(/\s+/g, " ")), { nil: undefined }), prompt: text, generalFeedback: fc.option(text, { nil: undefined }), format: fc.option(fc.constantFrom("markdown", "html", "plain", "moodle" as const), { nil: undefined }) }).map((c) =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as { prompt: string; name?: string; generalFeedback?: string; format?: "markdown" | "html" | "plain" | "moodle" },
);
const generated: fc.Arbitrary<GiftQuestion> = fc.oneof(
  fc.tuple(common, choice(fc.constant(1)), fc.array(choice(weightPct.map((p) => p / 100)), { minLength: 1, maxLength: 4 })).map(([c, right, rest]) => ({ ...c, line: 1, type: "single" as const, answers: [right, ...rest] })),
  fc.tuple(common, fc.integer({ min: 1, max: 4 }), fc.array(choice(fc.integer({ min: -100, max: 0 }).map((p) => p / 100)), { minLength: 1, maxLength: 3 })).map(([c, k, wrong]) => {
    const right = Array.from({ length: k }, (_, i): GiftAnswer => ({ text: `정답${i}`, weight: k === 3 ? [0.25, 0.25, 0.5][i] : 1 / k }));
    return { ...c, line: 1, type: "multiple" as const, answers: [...right, ...wrong] };
  }),
  fc.tuple(common, fc.array(choice(fc.integer({ min: 0, max: 100 }).map((p) => p / 100)), { maxLength: 3 })).map(([c, more]) => ({ ...c, line: 1, type: "short" as const, answers: [{ text: "정답", weight: 1 }, ...more.filter((a) => a.text !== "")] })),
  fc.tuple(common, fc.boolean(), feedback, feedback).map(([c, answer, r, w]) => ({ ...c, line: 1, type: "truefalse" as const, answer, ...(r ? { feedbackRight: r } : {}), ...(w ? { feedbackWrong: w } : {}) })),
  fc.tuple(common, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), feedback).map(([c, value, tolerance, f]) => ({ ...c, line: 1, type: "numeric" as const, answers: [withFeedback({ value, tolerance, weight: 1 }, f)], ...(f ? { otherFeedback: f } : {}) })),
  fc.tuple(common, fc.array(fc.tuple(text, text), { minLength: 2, maxLength: 4 })).map(([c, pairs]) => ({ ...c, line: 1, type: "matching" as const, pairs: pairs.map(([q, a]) => ({ question: q, answer: a })) })),
  common.map((c) => ({ ...c, line: 1, type: "essay" as const })),
  common.map((c) => {
    const d: GiftQuestion = { ...c, line: 1, type: "description" };
    delete d.generalFeedback;
    return d;
  }),
);

describe("GIFT round trip on generated questions", () => {
  it("parse(toGift(questions)) gives the questions back", () => {
    fc.assert(
      fc.property(fc.array(generated, { minLength: 1, maxLength: 5 }), (qs) => {
        const r = parseGift(toGift(qs));
        expect(r.errors).toEqual([]);
        expect(withoutLines(r.questions)).toEqual(withoutLines(qs));
      }),
      { numRuns: 300 },
    );
  });
});
