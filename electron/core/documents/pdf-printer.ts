/**
 * The host capability PDF exports need: turn one self-contained HTML document into PDF bytes.
 * The core never knows which engine prints; Electron's `printToPDF` and headless Chromium
 * (see chromium-printer.ts) both use the same print engine.
 */
export interface PdfPrinter {
  /** Prints the HTML (which must not need the network) to PDF; rejects if printing fails. */
  printHtmlToPdf(html: string): Promise<Uint8Array>;
}
