/** The predict-then-run step every widget offers: choices come from the selector, never from the component. */
export interface Prediction {
  question: string;
  choices: { id: string; label: string }[];
  /** Shown after the learner commits, until the run decides the outcome. */
  hint: string;
}
