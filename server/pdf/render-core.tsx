import { Font, pdf } from '@react-pdf/renderer';
import { DOCUMENTS } from '@/templates/documents';
import type { TemplateId } from '@/templates/registry';
import { registerFonts } from '@/templates/shared/fonts';
import type { RenderContext } from '@/templates/shared/types';

// The rendering itself, as the worker runs it. Input is already validated by the caller.

export async function renderToBytes(templateId: TemplateId, data: unknown, ctx: RenderContext, fontDir: string): Promise<Uint8Array> {
  registerFonts(fontDir);
  const element = DOCUMENTS[templateId](data as never, ctx);
  const instance = pdf(element);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer | Uint8Array>) chunks.push(Buffer.from(chunk));
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    // react-pdf keeps the React root of every render alive (diegomura/react-pdf#2848):
    // unmounting it lets the tree be collected. The worker is recycled as well.
    instance.updateContainer(null as never);
    forgetGlyphs();
  }
}

/**
 * fontkit caches glyphs by id with the characters of their first use (foliojs/fontkit#154).
 * Embedding a subset fetches the parts of composed letters (the O of Õ, the A of Ä) by id
 * alone, so in the next document those letters come back with no characters and react-pdf
 * drops them and their neighbours ("KOOPIA" printed "PIA"). Each document therefore starts
 * with an empty glyph cache; the parsed font itself is kept.
 */
function forgetGlyphs() {
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of (family as { sources: { data: { _glyphs?: object } | null }[] }).sources) {
      if (source.data && '_glyphs' in source.data) source.data._glyphs = {};
    }
  }
}

/** Parses the fonts and compiles the templates once, so the first real render is warm. Returns the renders made. */
export async function warmUp(fontDir: string): Promise<number> {
  const { TEMPLATES } = await import('@/templates/registry');
  for (const template of TEMPLATES) {
    await renderToBytes(
      template.meta.id as TemplateId,
      template.schema.parse(template.sample),
      { registration: null, watermark: null, sealed: false },
      fontDir,
    );
  }
  return TEMPLATES.length;
}
