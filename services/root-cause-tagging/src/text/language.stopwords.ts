import type { TaggedLanguage } from './language';

/** Frequent function words; a comment made of them is in that language whatever tinyld thinks. */
export const STOPWORDS: Record<TaggedLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'the and was is to of it my i you for with they not but this that have had were very on at be me no ' +
      "after so just again what when would could your our a an in are been it's i'm don't didn't wasn't " +
      'there their from by or'
    ).split(' '),
  ),
  nl: new Set(
    (
      'de het een en van ik je niet is was op te dat die met voor zijn maar er heb heeft mijn bij nog wel ' +
      'al ook geen naar om ze werd kon zo hele erg hij dan als uit wat nooit heel steeds'
    ).split(' '),
  ),
  de: new Set(
    (
      'der die das und ist nicht ich ein eine mit zu auf für war wurde mir mein meine es sich den dem des ' +
      'aber sehr noch auch kein keine hat habe nach bei immer ganz schon am im vom zur zum einfach wird'
    ).split(' '),
  ),
};

/** The function words of all three languages together. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...STOPWORDS.en, ...STOPWORDS.nl, ...STOPWORDS.de]);
