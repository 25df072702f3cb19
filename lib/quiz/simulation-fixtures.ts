/** Test fixtures for simulation templates: an authored question around a template, and seeds to draw. */
import fc from "fast-check";
import { questionSchema, type QuestionOf } from "./schema";
import type { SimulationTemplateId } from "./simulation-templates";

/** A simulation question on `template` as a quiz file would author it, over a wide seed range. */
export const simQuestion = (template: SimulationTemplateId, params?: object) =>
  questionSchema.parse({ id: `sim-${template}`, type: "simulation", concepts: ["c"], template, seeds: { min: 0, max: 1_000_000 }, ...(params ? { params } : {}) }) as QuestionOf<"simulation">;

/** Seeds a property test draws from. */
export const simSeeds = fc.integer({ min: 0, max: 1_000_000 });
