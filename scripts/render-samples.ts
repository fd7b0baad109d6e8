// Renders every template's sample (each language) into a directory, for comparing the
// wording and layout of two checkouts: `npx tsx scripts/render-samples.ts <dir>`, then
// pdftotext / pdftoppm the files.
import fs from 'node:fs';
import path from 'node:path';
import { renderSample } from '../server/pdf/render';
import { TEMPLATES } from '../templates/registry';

const dir = process.argv[2] ?? 'samples';
fs.mkdirSync(dir, { recursive: true });
for (const template of TEMPLATES) {
  for (const language of template.meta.languages) {
    const bytes = await renderSample(template.meta.id, language);
    fs.writeFileSync(path.join(dir, `${template.meta.id}-${language}.pdf`), bytes);
  }
}
console.log(`wrote ${dir}`);
process.exit(0);
