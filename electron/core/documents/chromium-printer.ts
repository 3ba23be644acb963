import { existsSync } from 'node:fs';
import type { PdfPrinter } from './pdf-printer';

/** Flags that let Chromium run as root in a container and stop it reaching for the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Where Chromium is looked for: $STANCEBOOK_CHROMIUM, else the Debian package's binary. */
export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.STANCEBOOK_CHROMIUM || '/usr/bin/chromium';
}

/** Thrown when there is no Chromium to print with, with what to do about it. */
export class PrinterUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrinterUnavailableError';
  }
}

/**
 * A PdfPrinter driving headless Chromium through playwright-core, for Node hosts (the command
 * line, the browser host, tests). Each print launches and closes its own browser: exports are
 * rare, and nothing lingers after. Scripts are off and every request is refused, so a document
 * prints from its own bytes only, and nothing in it can run or call out.
 */
export function createChromiumPrinter(options: { executablePath?: string } = {}): PdfPrinter {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  return {
    async printHtmlToPdf(html: string): Promise<Uint8Array> {
      if (!existsSync(executablePath)) {
        throw new PrinterUnavailableError(
          `PDF export needs Chromium, which was not found at ${executablePath}. Install it (Debian: apt-get install chromium) or set STANCEBOOK_CHROMIUM to its path.`,
        );
      }
      // Loaded here, not at the top: playwright-core costs every command ~100 ms to load, and
      // only a PDF export needs it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
