'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { fill } from '@/lib/i18n';
import { PdfViewer } from './pdf-viewer';

// Image types every browser draws in an <img>; TIFF scans stay downloads.
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Whether the portal can show a file of this type in the page. */
export const viewable = (mime: string) => mime === 'application/pdf' || IMAGE_TYPES.has(mime);

/**
 * A stored file shown in place: a PDF opens in the viewer under its name ("Vaata"), an image
 * is a thumbnail that opens larger in a dialog. The download link stays beside it (`children`).
 */
export function FileView({ href, name, mime, children }: { href: string; name: string; mime: string; children?: React.ReactNode }) {
  const m = useMessages();
  const t = m.viewer;
  const [open, setOpen] = useState(false);
  if (IMAGE_TYPES.has(mime)) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <ImageThumbnail href={href} name={name} />
        {children}
      </div>
    );
  }
  return (
    <div className="flex w-full flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        {children}
        {mime === 'application/pdf' && (
          <Button type="button" size="sm" variant="secondary" aria-expanded={open} aria-label={fill(t.viewFile, { name })} onClick={() => setOpen(!open)}>
            {open ? t.hide : t.view}
          </Button>
        )}
      </div>
      {open && <PdfViewer src={href} name={name} downloadHref={href} />}
    </div>
  );
}

/** An image as a thumbnail; activating it shows the image large in a dialog (Esc closes it). */
export function ImageThumbnail({ href, name }: { href: string; name: string }) {
  const t = useMessages().viewer;
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" className="overflow-hidden rounded-md border border-slate-300 bg-white" aria-label={fill(t.enlarge, { name })}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimisable asset */}
          <img src={href} alt="" loading="lazy" className="h-24 w-24 object-cover" />
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/60" />
        <Dialog.Content className="fixed inset-4 z-50 flex flex-col gap-3 rounded-md bg-white p-4 shadow-xl" aria-describedby={undefined}>
          <div className="flex flex-wrap items-center gap-3">
            <Dialog.Title className="font-semibold break-all">{name}</Dialog.Title>
            <a href={href} download className="ml-auto text-brand-700 underline">
              {t.download}
            </a>
            <Dialog.Close asChild>
              <Button type="button" size="sm" variant="secondary">
                {t.close}
              </Button>
            </Dialog.Close>
          </div>
          <div className="flex min-h-0 flex-1 items-center justify-center overflow-auto bg-slate-100">
            {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
            <img src={href} alt={name} className="max-h-full max-w-full object-contain" />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
