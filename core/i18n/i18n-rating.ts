// Strings of the rating form (/nilai), kept apart so the page a resident opens first carries only what it shows: one
// file per language (i18n-rating.id.ts, i18n-rating.en.ts); the island of each page imports its own (issue 19).
import type { Lang } from './lang';
import { ratingEn } from './i18n-rating.en';
import { ratingId, type RatingStrings } from './i18n-rating.id';
import { messageFor } from './rating-messages';

export type { RatingStrings } from './i18n-rating.id';

/** Both languages, picked at run time: for the server's pages and the build, never for an island. */
export function ratingStrings(lang: Lang): RatingStrings {
  return lang === 'en' ? ratingEn : ratingId;
}

/** The resident's words for an API field error, as the island says them: for the server's answer to a plain form post. */
export function ratingFieldMessage(lang: Lang, field: string, code?: string): string {
  return messageFor(ratingStrings(lang), field, code);
}
