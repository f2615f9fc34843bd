/** Language detection for articles without `lang`: Han characters outweigh Latin letters → zh. */
export function detectLang(text: string): 'zh' | 'en' | null {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  // A Han character carries roughly a word; weigh it against ~4 Latin letters a word.
  return han * 4 >= latin ? 'zh' : 'en';
}
