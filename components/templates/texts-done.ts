// What the texts page says after a step that removes the panel it was taken in (submitting
// closes the editor, publishing and sending back close the review): the panel's own message
// would vanish with it, so the page is reloaded with the step in its address and says it there.

export type TextsStep = 'esitatud' | 'avaldatud' | 'tagasi' | 'kustutatud';

export const TEXTS_STEPS: readonly TextsStep[] = ['esitatud', 'avaldatud', 'tagasi', 'kustutatud'];

export function textsDoneHref(templateId: string, step: TextsStep, version?: number): string {
  return `/admin/mallid/${encodeURIComponent(templateId)}/tekstid?tehtud=${step}${version ? `&versioon=${version}` : ''}`;
}
