"use client";

import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "@/lib/db/instructor-schema";
import { SIMULATION_TEMPLATES } from "@/lib/quiz/simulation-templates";
import { LETTERS, type EditorState } from "./editor-state";

export const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
const small = "text-sm font-semibold";
const addButton = "text-sm font-semibold text-sky-700 dark:text-sky-400";
const removeButton = "mt-2 text-sm text-red-700 dark:text-red-400";

/** The server's Korean message for one field, right under it. */
export function FieldError({ id, errors, name }: { id: string; errors: FieldErrors; name: string }) {
  const msg = errors[name];
  if (!msg) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {msg}
    </p>
  );
}

type Described = (name: string) => Record<string, unknown>;
interface Props {
  s: EditorState;
  setS: Dispatch<SetStateAction<EditorState>>;
  errors: FieldErrors;
  described: Described;
}

/** Rows relabelled a, b, c… after an add or a removal (ids are the letters the schema requires). */
function relabel<T extends { id: string }>(rows: T[]): T[] {
  return rows.map((r, i) => ({ ...r, id: LETTERS[i] }));
}

/** A text input with its error; `name` is the field path the server reports. */
function Field({ label, name, value, onChange, errors, described, ...rest }: { label: string; name: string; value: string; onChange: (v: string) => void; errors: FieldErrors; described: Described; inputMode?: "decimal" | "numeric" }) {
  return (
    <label className={`block ${small}`}>
      {label}
      <input className={input} value={value} onChange={(e) => onChange(e.target.value)} {...described(name)} {...rest} />
      <FieldError id={`err-${name}`} errors={errors} name={name} />
    </label>
  );
}

/** The answer fields of the chosen question type. */
export function TypeFields(props: Props) {
  switch (props.s.type) {
    case "single":
    case "multiple":
      return <ChoiceFields {...props} />;
    case "true-false":
      return <TrueFalseFields {...props} />;
    case "short-answer":
      return (
        <label className={`block ${small}`}>
          인정할 답 (한 줄에 하나; 부분 점수는 &quot;답 | 0.5 | 피드백&quot;)
          <textarea className={input} rows={3} value={props.s.shortAnswers} onChange={(e) => props.setS((p) => ({ ...p, shortAnswers: e.target.value }))} {...props.described("answer")} />
          <FieldError id="err-answer" errors={props.errors} name="answer" />
        </label>
      );
    case "numeric":
      return <NumericFields {...props} />;
    case "matching":
      return <MatchingFields {...props} />;
    case "ordering":
      return <OrderingFields {...props} />;
    case "essay":
      return (
        <label className={`block ${small}`}>
          모범 답안 (Markdown, 제출 후 수강생이 자기 답과 비교합니다)
          <textarea className={input} rows={4} value={props.s.modelAnswer} onChange={(e) => props.setS((p) => ({ ...p, modelAnswer: e.target.value }))} {...props.described("modelAnswer")} />
          <FieldError id="err-modelAnswer" errors={props.errors} name="modelAnswer" />
        </label>
      );
    case "simulation":
      return <SimulationFields {...props} />;
  }
}

function ChoiceFields({ s, setS, errors, described }: Props) {
  const single = s.type === "single";
  const setOption = (i: number, patch: Partial<EditorState["options"][number]>) => setS((p) => ({ ...p, options: p.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));
  return (
    <fieldset className="space-y-3">
      <legend className={small}>보기와 정답</legend>
      {s.options.map((o, i) => (
        <div key={o.id} className="space-y-1 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-start gap-2">
            <input
              type={single ? "radio" : "checkbox"}
              name="correct"
              aria-label={`보기 ${o.id} 정답`}
              className="mt-3"
              checked={single ? s.single === o.id : s.multiple.includes(o.id)}
              onChange={(e) =>
                setS((p) => (single ? { ...p, single: o.id } : { ...p, multiple: e.target.checked ? [...p.multiple, o.id] : p.multiple.filter((x) => x !== o.id) }))
              }
            />
            <div className="flex-1">
              <input aria-label={`보기 ${o.id}`} className={input} value={o.text} onChange={(e) => setOption(i, { text: e.target.value })} {...described(`options.${i}.text`)} />
              <FieldError id={`err-options.${i}.text`} errors={errors} name={`options.${i}.text`} />
            </div>
            {s.options.length > 2 && (
              <button
                type="button"
                onClick={() => setS((p) => ({ ...p, options: relabel(p.options.filter((_, j) => j !== i)), single: "a", multiple: [] }))}
                className={removeButton}
                aria-label={`보기 ${o.id} 삭제`}
              >
                삭제
              </button>
            )}
          </div>
          <div className="grid grid-cols-3 gap-2 pl-6">
            <Field label={`보기 ${o.id} 가중치 (-1~1, 비우면 기본)`} name={`options.${i}.weight`} inputMode="decimal" value={o.weight} onChange={(v) => setOption(i, { weight: v })} errors={errors} described={described} />
            <div className="col-span-2">
              <Field label={`보기 ${o.id} 피드백 (선택)`} name={`options.${i}.feedback`} value={o.feedback} onChange={(v) => setOption(i, { feedback: v })} errors={errors} described={described} />
            </div>
          </div>
        </div>
      ))}
      {s.options.length < 8 && (
        <button type="button" onClick={() => setS((p) => ({ ...p, options: [...p.options, { id: LETTERS[p.options.length], text: "", feedback: "", weight: "" }] }))} className={addButton}>
          + 보기 추가
        </button>
      )}
      <FieldError id="err-options" errors={errors} name="options" />
      <FieldError id="err-answer" errors={errors} name="answer" />
      <label className="block text-sm">
        <input type="checkbox" checked={s.shuffle} onChange={(e) => setS((p) => ({ ...p, shuffle: e.target.checked }))} /> 시도마다 보기 순서 섞기 (해설이 보기 글자를 가리키면 끄세요)
      </label>
    </fieldset>
  );
}

function TrueFalseFields({ s, setS }: Props) {
  return (
    <fieldset>
      <legend className={small}>정답</legend>
      <label className="mr-4">
        <input type="radio" name="tf" checked={s.trueFalse} onChange={() => setS((p) => ({ ...p, trueFalse: true }))} /> 참
      </label>
      <label>
        <input type="radio" name="tf" checked={!s.trueFalse} onChange={() => setS((p) => ({ ...p, trueFalse: false }))} /> 거짓
      </label>
    </fieldset>
  );
}

function NumericFields({ s, setS, errors, described }: Props) {
  const setRow = (i: number, patch: Partial<EditorState["numeric"][number]>) => setS((p) => ({ ...p, numeric: p.numeric.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  return (
    <fieldset className="space-y-3">
      <legend className={small}>인정할 숫자 (값±오차 또는 범위, 가중치 비우면 100%)</legend>
      {s.numeric.map((r, i) => {
        const path = `answer.${i}`;
        const range = r.kind === "range";
        return (
          <div key={i} className="grid grid-cols-4 items-end gap-2">
            <label className={`block ${small}`}>
              {`정답 ${i + 1} 방식`}
              <select className={input} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value as "value" | "range" })}>
                <option value="value">값 ± 오차</option>
                <option value="range">범위</option>
              </select>
            </label>
            <Field label={range ? `정답 ${i + 1} 최솟값` : `정답 ${i + 1} 값`} name={`${path}.${range ? "min" : "value"}`} inputMode="decimal" value={r.a} onChange={(v) => setRow(i, { a: v })} errors={errors} described={described} />
            <Field label={range ? `정답 ${i + 1} 최댓값` : `정답 ${i + 1} 허용 오차`} name={`${path}.${range ? "max" : "tolerance"}`} inputMode="decimal" value={r.b} onChange={(v) => setRow(i, { b: v })} errors={errors} described={described} />
            <div className="flex items-end gap-2">
              <Field label={`정답 ${i + 1} 가중치`} name={`${path}.weight`} inputMode="decimal" value={r.weight} onChange={(v) => setRow(i, { weight: v })} errors={errors} described={described} />
              {s.numeric.length > 1 && (
                <button type="button" className={removeButton} aria-label={`정답 ${i + 1} 삭제`} onClick={() => setS((p) => ({ ...p, numeric: p.numeric.filter((_, j) => j !== i) }))}>
                  삭제
                </button>
              )}
            </div>
          </div>
        );
      })}
      <button type="button" className={addButton} onClick={() => setS((p) => ({ ...p, numeric: [...p.numeric, { kind: "value", a: "", b: "0", weight: "" }] }))}>
        + 정답 추가
      </button>
      <FieldError id="err-answer" errors={errors} name="answer" />
    </fieldset>
  );
}

function MatchingFields({ s, setS, errors, described }: Props) {
  const setPair = (i: number, patch: Partial<EditorState["pairs"][number]>) => setS((p) => ({ ...p, pairs: p.pairs.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  return (
    <fieldset className="space-y-3">
      <legend className={small}>짝 (왼쪽 항목과 맞는 답)</legend>
      {s.pairs.map((r, i) => (
        <div key={r.id} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          <Field label={`항목 ${r.id}`} name={`pairs.${i}.prompt`} value={r.prompt} onChange={(v) => setPair(i, { prompt: v })} errors={errors} described={described} />
          <Field label={`항목 ${r.id}의 짝`} name={`pairs.${i}.answer`} value={r.answer} onChange={(v) => setPair(i, { answer: v })} errors={errors} described={described} />
          {s.pairs.length > 2 ? (
            <button type="button" className={removeButton} aria-label={`항목 ${r.id} 삭제`} onClick={() => setS((p) => ({ ...p, pairs: relabel(p.pairs.filter((_, j) => j !== i)) }))}>
              삭제
            </button>
          ) : (
            <span />
          )}
        </div>
      ))}
      {s.pairs.length < 10 && (
        <button type="button" className={addButton} onClick={() => setS((p) => ({ ...p, pairs: [...p.pairs, { id: LETTERS[p.pairs.length], prompt: "", answer: "" }] }))}>
          + 짝 추가
        </button>
      )}
      <FieldError id="err-pairs" errors={errors} name="pairs" />
      <label className={`block ${small}`}>
        오답으로만 쓰일 답 (한 줄에 하나, 선택)
        <textarea className={input} rows={2} value={s.distractors} onChange={(e) => setS((p) => ({ ...p, distractors: e.target.value }))} {...described("distractors")} />
        <FieldError id="err-distractors" errors={errors} name="distractors" />
      </label>
    </fieldset>
  );
}

function OrderingFields({ s, setS, errors, described }: Props) {
  const move = (i: number, by: -1 | 1) =>
    setS((p) => {
      const items = [...p.items];
      [items[i], items[i + by]] = [items[i + by], items[i]];
      return { ...p, items };
    });
  return (
    <fieldset className="space-y-3">
      <legend className={small}>항목 (올바른 순서대로; 수강생에게는 섞여 보입니다)</legend>
      {s.items.map((r, i) => (
        <div key={r.id} className="flex items-end gap-2">
          <div className="flex-1">
            <Field label={`${i + 1}번째 항목`} name={`items.${i}.text`} value={r.text} onChange={(v) => setS((p) => ({ ...p, items: p.items.map((x, j) => (j === i ? { ...x, text: v } : x)) }))} errors={errors} described={described} />
          </div>
          <button type="button" className="mb-2 text-sm" disabled={i === 0} aria-label={`${i + 1}번째 항목 위로`} onClick={() => move(i, -1)}>
            ↑
          </button>
          <button type="button" className="mb-2 text-sm" disabled={i === s.items.length - 1} aria-label={`${i + 1}번째 항목 아래로`} onClick={() => move(i, 1)}>
            ↓
          </button>
          {s.items.length > 2 && (
            <button type="button" className={removeButton} aria-label={`${i + 1}번째 항목 삭제`} onClick={() => setS((p) => ({ ...p, items: p.items.filter((_, j) => j !== i) }))}>
              삭제
            </button>
          )}
        </div>
      ))}
      {s.items.length < 10 && (
        <button type="button" className={addButton} onClick={() => setS((p) => ({ ...p, items: [...p.items, { id: LETTERS[p.items.length], text: "" }] }))}>
          + 항목 추가
        </button>
      )}
      <FieldError id="err-items" errors={errors} name="items" />
    </fieldset>
  );
}

function SimulationFields({ s, setS, errors, described }: Props) {
  return (
    <fieldset className="space-y-3">
      <legend className={small}>시뮬레이션 (엔진이 시드마다 문제와 정답을 만듭니다)</legend>
      <label className={`block ${small}`}>
        템플릿
        <select className={input} value={s.template} onChange={(e) => setS((p) => ({ ...p, template: e.target.value }))} {...described("template")}>
          {SIMULATION_TEMPLATES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <FieldError id="err-template" errors={errors} name="template" />
      </label>
      <div className="grid grid-cols-2 gap-2">
        <Field label="시드 최솟값" name="seeds.min" inputMode="numeric" value={s.seedMin} onChange={(v) => setS((p) => ({ ...p, seedMin: v }))} errors={errors} described={described} />
        <Field label="시드 최댓값" name="seeds.max" inputMode="numeric" value={s.seedMax} onChange={(v) => setS((p) => ({ ...p, seedMax: v }))} errors={errors} described={described} />
      </div>
      <FieldError id="err-seeds" errors={errors} name="seeds" />
      <label className={`block ${small}`}>
        {'매개변수 (JSON, 선택; 예: {"profile": "kafka-4.x", "stop": [1]})'}
        <textarea className={`${input} font-mono`} rows={3} value={s.params} onChange={(e) => setS((p) => ({ ...p, params: e.target.value }))} {...described("params")} />
        <FieldError id="err-params" errors={errors} name="params" />
      </label>
      <Field label="시나리오를 재생할 위젯의 장 (선택, 비우면 이 장)" name="widgetChapter" value={s.widgetChapter} onChange={(v) => setS((p) => ({ ...p, widgetChapter: v }))} errors={errors} described={described} />
    </fieldset>
  );
}
