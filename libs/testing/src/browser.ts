import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (installed by scripts/lib.sh ensure_chromium), headless, driven by Playwright. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}
