import type { Language } from '../case/case-types.js';

/**
 * Chinese when Han characters are at least this share of the letters (Han plus Latin). One Han
 * character carries about as much as a short English word of four or five letters, so at 20%
 * the Chinese part says about as much as the English part; mixed mail at that point goes to
 * Chinese, as a customer who writes half in Chinese reads Chinese. Card numbers, amounts and
 * punctuation are not letters and do not count; neither do kana or Hangul.
 */
export const chineseShareThreshold = 0.2;

export const detectLanguage = (text: string, fallback: Language = 'en'): Language => {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han + latin === 0) return fallback;
  return han / (han + latin) >= chineseShareThreshold ? 'zh-CN' : 'en';
};
