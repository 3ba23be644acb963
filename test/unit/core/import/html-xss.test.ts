import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importHtml } from '../../../../electron/core/import/html';
import { parseInertHtml, sanitiseToBody } from '../../../../electron/core/import/safe-dom';
import { fixtureText } from './fixtures';

/**
 * The payload page points every resource at 127.0.0.1:9. The test rewrites that to a
 * live local server that counts requests, and spies on every way Node can open a
 * connection: if anything in the page executed or loaded, one of them would see it.
 */
describe('importHtml on a page full of XSS payloads', () => {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  let origin = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps the article text, drops every payload and makes no network request', async () => {
    const page = fixtureText('xss-payloads.html').replaceAll('127.0.0.1:9', origin);
    const spies = [
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
      vi.spyOn(net, 'connect'),
      vi.spyOn(net, 'createConnection'),
      vi.spyOn(net.Socket.prototype, 'connect'),
    ];
    try {
      const doc = importHtml(page, 'xss-payloads.html');
      // Loads and timers would be asynchronous: give them a moment to show up before checking.
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(doc.meta.title).toBe('Harbour council approves new ferry timetable');
      const paragraphs = doc.text.split('\n');
      expect(paragraphs[0]).toBe('The harbour council voted on Monday to approve a new ferry timetable that adds two early crossings on weekdays.');
      expect(paragraphs.at(-1)).toBe('A public meeting on the longer-term plan for the harbour is set for the autumn.');
      expect(paragraphs).toContain(
        'Council members said the change answers complaints from commuters who start work before eight, and that the extra crossings will be reviewed after six months.',
      );
      for (const bad of [
        '<',
        '>',
        'script',
        'onerror',
        'onload',
        'onclick',
        'javascript:',
        'vbscript:',
        'data:',
        'fetch(',
        'alert',
        'url(',
        '127.0.0.1',
        'iframe',
        'svg',
        'refresh',
        'document.write',
      ]) {
        expect(doc.text.toLowerCase()).not.toContain(bad);
      }
      expect((globalThis as { __xssRan?: boolean }).__xssRan).toBeUndefined();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(hits).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('sanitiseToBody', () => {
  it('removes scripts, frames, objects, media, handlers and unsafe links', () => {
    const dom = parseInertHtml('<!doctype html><body></body>');
    const body = sanitiseToBody(
      `<p onclick="x()">Text <a href="javascript:alert(1)">a</a> <a href="https://ok.example/">b</a> <a href="data:text/html,x">c</a></p>
       <img src="https://remote.example/i.png"><iframe src="https://x.example"></iframe><object data="x"></object>
       <svg onload="x()"><circle/></svg><style>p{background:url(https://x.example)}</style><script>x()</script>
       <form><input value="secret"></form>`,
      dom,
    );
    const html = body.innerHTML;
    expect(html).not.toMatch(/<(script|img|iframe|object|svg|style|form|input)\b/i);
    expect(html).not.toMatch(/onclick|javascript:|data:|url\(/i);
    expect(html).toContain('href="https://ok.example/"');
    expect(body.textContent?.trim()).toBe('Text a b c');
    dom.window.close();
  });
});
