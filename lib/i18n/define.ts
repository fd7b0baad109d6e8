/** A message section in Estonian and English; the type makes English carry every Estonian key. */
export function defineMessages<T extends object>(et: T, en: NoInfer<T>): { et: T; en: T } {
  return { et, en };
}
