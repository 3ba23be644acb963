import type { ExportedFile } from '../../../shared/api';

/**
 * Saves an exported file through the browser's download (a Blob URL and an <a download>), so
 * the renderer never needs the file system or the network; base64 content is written as bytes.
 * The desktop app asks where to save it, as for any download.
 */
export function saveExportedFile(file: ExportedFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A picked file as base64 without the data-URL prefix, as the API's import methods want it. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
