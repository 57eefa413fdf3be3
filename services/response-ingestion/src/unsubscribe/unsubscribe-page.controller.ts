import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import { OptOutSource } from '@nps/contracts';
import type { SurveyLinkClaims } from '@nps/survey-links';
import type { Response } from 'express';
import { IngestionError } from '../errors/ingestion.error';
import { CustomerOptOuts } from '../opt-outs/customer-opt-outs.service';
import { sendPublicPage } from '../survey-page/survey-page.csp';
import { languageFromHeader, PAGE_TEXTS } from '../survey-page/survey-page.texts';
import { UnsubscribePageRenderer } from './unsubscribe-page.renderer';
import { UNSUBSCRIBE_TEXTS } from './unsubscribe-page.texts';

/**
 * The unsubscribe link of survey emails, also their RFC 8058 List-Unsubscribe URL. `GET` only shows a
 * confirmation form, so a link scanner unsubscribes nobody; `POST` opts the customer out of every channel,
 * whether a person pressed the button or a mail client sent `List-Unsubscribe=One-Click` (no cookie, no
 * other field). Asking twice answers the same and announces nothing new (ADR 0034).
 */
// Customers hold no account: the token, signed for unsubscribing only, is their credential (ADR 0007, 0034).
@Public()
@ApiExcludeController()
@Controller('s/unsubscribe')
export class UnsubscribePageController {
  constructor(
    private readonly optOuts: CustomerOptOuts,
    private readonly renderer: UnsubscribePageRenderer,
  ) {}

  @Get(':token')
  open(
    @Param('token') token: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): void {
    const claims = this.trusted(token, acceptLanguage, res);
    if (!claims) return;
    sendPublicPage(res, 200, this.renderer.confirmForm(claims.language, `/s/unsubscribe/${encodeURIComponent(token)}`));
  }

  @Post(':token')
  async unsubscribe(
    @Param('token') token: string,
    @Body() form: Record<string, unknown> | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const claims = this.trusted(token, acceptLanguage, res);
    if (!claims) return;
    const oneClick = typeof form === 'object' && form !== null && form['List-Unsubscribe'] === 'One-Click';
    const outcome = await this.optOuts.optOut(
      claims,
      oneClick ? OptOutSource.ONE_CLICK : OptOutSource.UNSUBSCRIBE_PAGE,
    );
    const texts = UNSUBSCRIBE_TEXTS[claims.language];
    res.setHeader('X-Opt-Out', outcome);
    sendPublicPage(res, 200, this.renderer.messagePage(claims.language, texts.doneTitle, texts.done));
  }

  /** The verified claims, or undefined after answering with the survey page's localised 400 page. */
  private trusted(token: string, acceptLanguage: string | undefined, res: Response): SurveyLinkClaims | undefined {
    try {
      return this.optOuts.verify(token, 'unsubscribe');
    } catch (error) {
      if (!(error instanceof IngestionError)) throw error;
      const language = languageFromHeader(acceptLanguage);
      const page = PAGE_TEXTS[language].unusable;
      res.setHeader('X-Refusal-Code', error.code);
      sendPublicPage(res, 400, this.renderer.messagePage(language, page.title, page.body));
      return undefined;
    }
  }
}
