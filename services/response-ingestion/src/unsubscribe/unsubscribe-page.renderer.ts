import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { SurveyLanguage } from '@nps/survey-links';
import Handlebars from 'handlebars';
import { UNSUBSCRIBE_TEXTS } from './unsubscribe-page.texts';

const template = (path: string) => Handlebars.compile(readFileSync(join(__dirname, path), 'utf8'), { strict: false });

/** The unsubscribe pages, in the survey page's layout (its stylesheet, no inline script or style). */
@Injectable()
export class UnsubscribePageRenderer {
  private readonly layout = template('../survey-page/templates/layout.hbs');
  private readonly form = template('templates/unsubscribe-form.hbs');
  private readonly message = template('../survey-page/templates/message.hbs');

  confirmForm(language: SurveyLanguage, action: string): string {
    const texts = UNSUBSCRIBE_TEXTS[language];
    return this.layout({ lang: language, title: texts.title, body: this.form({ ...texts, action }) });
  }

  messagePage(language: SurveyLanguage, title: string, body: string): string {
    return this.layout({ lang: language, title, body: this.message({ title, body }) });
  }
}
