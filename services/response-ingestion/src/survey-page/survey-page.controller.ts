import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import { ResponseSource } from '@nps/contracts';
import type { SurveyLanguage, SurveyLinkClaims } from '@nps/survey-links';
import type { Response } from 'express';
import { commentProblem } from '../answers/answer-text';
import { SurveyAnswers } from '../answers/survey-answers.service';
import { IngestionError } from '../errors/ingestion.error';
import { sendPublicPage } from './survey-page.csp';
import { type FormProblem, SurveyPageRenderer } from './survey-page.renderer';
import { languageFromHeader, PAGE_TEXTS } from './survey-page.texts';

const SCORE = /^(10|[0-9])$/;

/**
 * The hosted survey behind a survey link: `GET /s/:token` shows the question, `?score=N` (the
 * numbers in an email) shows N chosen, `POST /s/:token` takes the form. GET never records: the
 * page's script confirms a one-click score by POST, and without JavaScript the Send button does
 * (ADR 0018). Plain HTML forms, so it works without JavaScript (docs/response-ingestion.md).
 */
// Customers hold no account: the signed, single-use link in the URL is their credential (ADR 0007).
@Public()
@ApiExcludeController()
@Controller('s')
export class SurveyPageController {
  constructor(
    private readonly answers: SurveyAnswers,
    private readonly renderer: SurveyPageRenderer,
  ) {}

  @Get(':token')
  async open(
    @Param('token') token: string,
    @Query('score') score: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const claims = this.trusted(token, acceptLanguage, res);
    if (!claims) return;
    const action = `/s/${encodeURIComponent(token)}`;
    const current = await this.answers.current(claims);
    if (current.refusal) return this.refuse(res, claims.language, current.refusal);
    const texts = PAGE_TEXTS[claims.language];
    if (score !== undefined && (typeof score !== 'string' || !SCORE.test(score))) {
      const errors: FormProblem[] = [{ field: 'score', message: texts.scoreMissing }];
      return sendPublicPage(res, 400, this.renderer.answerForm({ language: claims.language, action, errors }));
    }
    // A one-click score is only shown: the page confirms it by POST (ADR 0018), so a link scanner answers nothing.
    const chosen = score === undefined ? undefined : Number(score);
    sendPublicPage(
      res,
      200,
      this.renderer.answerForm({
        language: claims.language,
        action,
        score: chosen ?? current.answered?.score,
        comment: current.answered?.comment,
        ...(chosen === undefined
          ? {}
          : { notice: texts.scoreChosen(chosen), confirm: { score: chosen, saved: texts.scoreSaved(chosen) } }),
      }),
    );
  }

  @Post(':token')
  async answer(
    @Param('token') token: string,
    @Body() form: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const claims = this.trusted(token, acceptLanguage, res);
    if (!claims) return;
    // A body of another content type is not parsed at all: then nothing was filled in.
    form = typeof form === 'object' && form !== null ? form : {};
    const texts = PAGE_TEXTS[claims.language];
    const score = typeof form.score === 'string' && SCORE.test(form.score) ? Number(form.score) : undefined;
    const comment = typeof form.comment === 'string' ? form.comment.replace(/\r\n/g, '\n') : undefined;
    const problems: FormProblem[] = [];
    if (score === undefined) problems.push({ field: 'score', message: texts.scoreMissing });
    const commentIssue =
      form.comment === undefined ? undefined : comment === undefined ? 'not text' : commentProblem(comment);
    if (commentIssue)
      problems.push({
        field: 'comment',
        message: commentIssue.startsWith('must be at most') ? texts.commentTooLong : texts.commentInvalid,
      });
    if (score === undefined || problems.length > 0) {
      // Whatever was typed comes back, so nothing is lost to a correction.
      return sendPublicPage(
        res,
        400,
        this.renderer.answerForm({
          language: claims.language,
          action: `/s/${encodeURIComponent(token)}`,
          score,
          comment,
          errors: problems,
        }),
      );
    }
    const accepted = await this.submit(token, claims, { score, comment: comment ?? '' }, res);
    if (accepted) sendPublicPage(res, 200, this.renderer.messagePage(claims.language, texts.thanksTitle, texts.thanks));
  }

  /** The verified claims, or undefined after answering with a localised 400 page. */
  private trusted(token: string, acceptLanguage: string | undefined, res: Response): SurveyLinkClaims | undefined {
    try {
      return this.answers.verify(token);
    } catch (error) {
      if (!(error instanceof IngestionError)) throw error;
      this.refuse(res, languageFromHeader(acceptLanguage), error.code);
      return undefined;
    }
  }

  private async submit(
    token: string,
    claims: SurveyLinkClaims,
    given: { score: number; comment?: string },
    res: Response,
  ) {
    try {
      return await this.answers.submit(token, given, ResponseSource.SURVEY_PAGE);
    } catch (error) {
      if (!(error instanceof IngestionError)) throw error;
      this.refuse(res, claims.language, error.code);
      return undefined;
    }
  }

  private refuse(res: Response, language: SurveyLanguage, code: IngestionError['code']): void {
    const texts = PAGE_TEXTS[language];
    const page = texts.refusals[code] ?? texts.unusable;
    res.setHeader('X-Refusal-Code', code);
    sendPublicPage(res, 400, this.renderer.messagePage(language, page.title, page.body));
  }
}
