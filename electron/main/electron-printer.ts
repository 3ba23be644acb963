import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core';

/**
 * Electron's PdfPrinter: the export's HTML in a hidden, sandboxed window with JavaScript off,
 * printed with printToPDF (the same engine as Chromium's page.pdf). Every request from it is
 * refused by the hardened default session, so the document prints from its own bytes only.
 */
export function createElectronPrinter(): PdfPrinter {
  return {
    async printHtmlToPdf(html: string): Promise<Uint8Array> {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const pdf = await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          margins: { top: 0.7, bottom: 0.7, left: 0.63, right: 0.63 },
        });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
      }
    },
  };
}
