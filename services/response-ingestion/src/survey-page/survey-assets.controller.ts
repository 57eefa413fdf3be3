import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import type { Response } from 'express';

const ASSETS: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  [
    ['survey-page.css', 'text/css; charset=utf-8'],
    ['survey-page.js', 'text/javascript; charset=utf-8'],
  ].map(([file, type]) => [file, { type, body: readFileSync(join(__dirname, 'assets', file)) }]),
);

/**
 * The survey page's stylesheet and script as files of their own, so its content security policy
 * allows no inline style or script (docs/security.md, Public surface).
 */
@ApiExcludeController()
@Public()
@Controller('survey-assets')
export class SurveyAssetsController {
  @Get(':file')
  serve(@Param('file') file: string, @Res() res: Response): void {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException(`no survey asset named ${file}`);
    res.status(200).type(asset.type).setHeader('Cache-Control', 'public, max-age=3600').send(asset.body);
  }
}
