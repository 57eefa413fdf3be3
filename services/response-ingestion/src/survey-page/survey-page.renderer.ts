import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { SurveyLanguage } from '@nps/survey-links';
import Handlebars from 'handlebars';
import { PAGE_TEXTS } from './survey-page.texts';

export interface FormProblem {
  field: 'score' | 'comment';
  message: string;
}

export interface AnswerFormView {
  language: SurveyLanguage;
  action: string;
  score?: number;
  comment?: string;
  notice?: string;
  /** A one-click score the page's script confirms by POST, and the notice it shows once saved (ADR 0018). */
  confirm?: { score: number; saved: string };
  errors?: FormProblem[];
}

const template = (name: string) =>
  Handlebars.compile(readFileSync(join(__dirname, 'templates', `${name}.hbs`), 'utf8'), { strict: false });

/**
 * Server-rendered pages of the survey that work with JavaScript off; their one script (a served file,
 * no inline code) only confirms a one-click score.
 */
@Injectable()
export class SurveyPageRenderer {
  private readonly layout = template('layout');
  private readonly form = template('answer-form');
  private readonly message = template('message');

  answerForm(view: AnswerFormView): string {
    const texts = PAGE_TEXTS[view.language];
    const errors = view.errors ?? [];
    const body = this.form({
      ...texts,
      action: view.action,
      notice: view.notice,
      confirm: view.confirm,
      comment: view.comment ?? '',
      errors,
      scoreError: errors.some((e) => e.field === 'score'),
      commentError: errors.some((e) => e.field === 'comment'),
      scores: Array.from({ length: 11 }, (_, value) => ({
        value,
        label: texts.scoreLabel(value),
        checked: value === view.score,
      })),
    });
    return this.layout({ lang: view.language, title: texts.title, body });
  }

  messagePage(language: SurveyLanguage, title: string, body: string): string {
    return this.layout({ lang: language, title, body: this.message({ title, body }) });
  }
}
