import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CuePolarity } from '../taxonomy/taxonomy.types';
import type { TaggedLanguage } from '../text/language';

/** A comment with the root causes a person assigned to it. */
export interface LabelledComment {
  id: string;
  language: TaggedLanguage;
  score?: number;
  text: string;
  tags: { id: string; polarity: CuePolarity }[];
  /** `train` fits the model, `dev` guards promotion and tuning, `test` is only ever measured. */
  split: string;
}

export const DATA_DIR = resolve(__dirname, '../../data');

/** Reads a JSONL file of labelled comments from the service's data folder. */
export function loadLabelled(file = 'comments.jsonl'): LabelledComment[] {
  return readFileSync(resolve(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledComment);
}
