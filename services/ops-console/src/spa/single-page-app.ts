import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { OpsConsoleEnv } from '../ops-console.env';

/** Where the built page lives (OPS_CONSOLE_WEB_ROOT, relative to the working directory). */
export function webRootOf(env: OpsConsoleEnv): string {
  return resolve(env.OPS_CONSOLE_WEB_ROOT);
}

/** Paths the server answers itself; everything else without a file extension is a client route. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)|^\/config\.json$/;

/**
 * Serves the built page: hashed files under /assets cached for a year, index.html never cached,
 * and index.html for every client route (/cases/42, /callback) so a reload or a deep link works.
 * A missing file with an extension (/assets/gone.js) is a 404, not the page.
 */
export function useSinglePageApp(app: INestApplication, env: OpsConsoleEnv): void {
  const express = app as NestExpressApplication;
  const root = webRootOf(env);
  express.useStaticAssets(root, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  express.use((req: Request, res: Response, next: NextFunction) => {
    const clientRoute = (req.method === 'GET' || req.method === 'HEAD') && !SERVER_PATHS.test(req.path);
    if (!clientRoute || extname(req.path) !== '') return next();
    const index = resolve(root, 'index.html');
    if (!existsSync(index)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
