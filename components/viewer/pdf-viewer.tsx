'use client';

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { fill } from '@/lib/i18n';
import './pdf-viewer.css';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use (it needs the browser's DOM), with its worker from the portal's
 * own origin: the bundler emits the worker file under /_next/static/media, which
 * `worker-src 'self'` allows. One worker serves every viewer on the page.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    if (!lib.GlobalWorkerOptions.workerPort) {
      // The bundler copies the file and gives its URL; the worker is created from that URL as it
      // is (an ES module, as pdf.js ships it), not rewritten into a bundler worker.
      const src = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url);
      lib.GlobalWorkerOptions.workerPort = new Worker(src, { type: 'module' });
    }
    return lib;
  });
  return pdfjs;
}

const MIN_SCALE = 0.25;
const MAX_SCALE = 4;
const STEP = 1.25;

type Props = {
  /** The PDF's address on the portal (fetched with the session's cookie), or its bytes. */
  src: string | Uint8Array;
  /** The document's name, for the viewer's accessible label. */
  name: string;
  /** Where to download it; omitted for the preview, which is not a stored file. */
  downloadHref?: string;
  className?: string;
};

/**
 * A PDF shown in the page: each page drawn to a canvas, with pdf.js's text layer over it so
 * its text can be selected, searched with the browser's find and read by a screen reader.
 * No plugin and no frame: it works under the portal's Content-Security-Policy.
 */
export function PdfViewer(props: Props) {
  // A new document is a new viewer: its page, zoom and state start afresh.
  return <DocumentView key={keyOf(props.src)} {...props} />;
}

const byteKeys = new WeakMap<Uint8Array, string>();
let lastKey = 0;
function keyOf(src: string | Uint8Array): string {
  if (typeof src === 'string') return src;
  let key = byteKeys.get(src);
  if (!key) byteKeys.set(src, (key = `bytes-${++lastKey}`));
  return key;
}

function DocumentView({ src, name, downloadHref, className }: Props) {
  const m = useMessages();
  const t = m.viewer;
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [pageNumber, setPageNumber] = useState(1);
  // null: fit the page to the viewer's width.
  const [zoom, setZoom] = useState<number | null>(null);
  const [shownScale, setShownScale] = useState(1);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      const lib = await loadPdfJs();
      // pdf.js hands the bytes to its worker (detaching them): give it a copy.
      const task = lib.getDocument({
        ...(typeof src === 'string' ? { url: src, withCredentials: true } : { data: src.slice() }),
        isEvalSupported: false,
        enableXfa: false,
      });
      loaded = await task.promise;
      if (cancelled) return void loaded.destroy();
      setDoc(loaded);
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [src]);

  useEffect(() => {
    if (!doc || !canvas.current || !textLayer.current || !frame.current) return;
    let cancelled = false;
    let render: RenderTask | null = null;
    let text: { cancel(): void } | null = null;
    (async () => {
      const lib = await loadPdfJs();
      const page = await doc.getPage(pageNumber);
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.max(MIN_SCALE, (frame.current!.clientWidth - 2) / natural.width);
      const scale = zoom ?? Math.min(fit, 2);
      setShownScale(scale);
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current!;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      render = page.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const layer = textLayer.current!;
      layer.replaceChildren();
      layer.parentElement!.style.setProperty('--total-scale-factor', String(scale));
      const built = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport });
      text = built;
      await Promise.all([render.promise, built.render()]);
    })().catch((e: unknown) => {
      if (!cancelled && (e as { name?: string })?.name !== 'RenderingCancelledException') setFailed(true);
    });
    return () => {
      cancelled = true;
      render?.cancel();
      text?.cancel();
    };
  }, [doc, pageNumber, zoom]);

  const pages = doc?.numPages ?? 0;
  const go = useCallback((n: number) => setPageNumber((p) => Math.min(Math.max(1, p + n), pages || 1)), [pages]);
  const zoomBy = useCallback(
    (factor: number) => setZoom(() => Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(shownScale * factor * 100) / 100))),
    [shownScale],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const actions: Record<string, () => void> = {
      PageDown: () => go(1),
      PageUp: () => go(-1),
      ArrowRight: () => go(1),
      ArrowLeft: () => go(-1),
      Home: () => setPageNumber(1),
      End: () => setPageNumber(pages || 1),
      '+': () => zoomBy(STEP),
      '=': () => zoomBy(STEP),
      '-': () => zoomBy(1 / STEP),
      '0': () => setZoom(null),
    };
    const action = actions[e.key];
    if (!action || (e.target as HTMLElement).closest('button, a')) return;
    e.preventDefault();
    action();
  }

  return (
    <div className={className}>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm" role="toolbar" aria-label={fill(t.document, { name })}>
        <Button type="button" size="sm" variant="secondary" onClick={() => go(-1)} disabled={pageNumber <= 1} aria-label={t.previous}>
          ‹
        </Button>
        <span aria-live="polite">{pages ? fill(t.page, { page: pageNumber, pages }) : t.loading}</span>
        <Button type="button" size="sm" variant="secondary" onClick={() => go(1)} disabled={pageNumber >= pages} aria-label={t.next}>
          ›
        </Button>
        <span className="mx-2 h-5 w-px bg-slate-300" aria-hidden />
        <Button type="button" size="sm" variant="secondary" onClick={() => zoomBy(1 / STEP)} disabled={shownScale <= MIN_SCALE} aria-label={t.zoomOut}>
          −
        </Button>
        <span>{fill(t.zoom, { percent: Math.round(shownScale * 100) })}</span>
        <Button type="button" size="sm" variant="secondary" onClick={() => zoomBy(STEP)} disabled={shownScale >= MAX_SCALE} aria-label={t.zoomIn}>
          +
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => setZoom(null)}>
          {t.fitWidth}
        </Button>
        {downloadHref && (
          <a href={downloadHref} className="ml-auto text-brand-700 underline" download>
            {t.download}
          </a>
        )}
      </div>
      <div
        ref={frame}
        // Focusable so the keys below work once the reader clicks or tabs into the document.
        tabIndex={0}
        role="region"
        aria-label={fill(t.document, { name })}
        title={t.keys}
        onKeyDown={onKeyDown}
        className="pdf-viewer max-h-[80vh] overflow-auto rounded-md border border-slate-300 bg-slate-100"
      >
        {failed ? (
          <p className="p-4 text-sm text-red-800" role="alert">
            {t.failed}
          </p>
        ) : (
          <div className="pdf-page relative mx-auto bg-white shadow" style={{ width: 'fit-content' }}>
            <canvas ref={canvas} aria-hidden className="block" />
            <div ref={textLayer} className="textLayer" />
          </div>
        )}
      </div>
    </div>
  );
}
