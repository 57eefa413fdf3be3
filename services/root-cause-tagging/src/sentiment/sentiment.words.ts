import type { TaggedLanguage } from '../text/language';

/**
 * General opinion words per language, written as people write them; they are stemmed when the
 * tagger is built. +1/-1 ordinary, ±2 strong. Tag-specific cues ("expensive", "rude") live in
 * the taxonomy and count towards sentiment too.
 */
export const OPINION_WORDS: Record<TaggedLanguage, Record<string, number>> = {
  en: {
    good: 1, great: 2, excellent: 2, perfect: 2, perfectly: 2, love: 2, loved: 2, happy: 1, fast: 1, quick: 1, quickly: 1,
    easy: 1, easily: 1, simple: 1, helpful: 1, nice: 1, fine: 1, well: 1, smooth: 1, smoothly: 1, superb: 2, amazing: 2,
    awesome: 2, fantastic: 2, brilliant: 2, thanks: 1, thank: 1, recommend: 1, solid: 1, accurate: 1, clear: 1, glad: 1,
    immediately: 1, right: 1, reliable: 1, breeze: 1, free: 1, solved: 1, fixed: 1, sorted: 1, resolved: 1, pleased: 1,
    bad: -1, terrible: -2, awful: -2, horrible: -2, useless: -2, poor: -1, worst: -2, wrong: -1, broken: -1, broke: -1,
    problem: -1, problems: -1, issue: -1, issues: -1, frustrating: -1, nightmare: -2, annoying: -1, disappointed: -1,
    disappointing: -1, slow: -1, late: -1, never: -1, lost: -1, failed: -1, fails: -1, error: -1, complaint: -1,
    hassle: -1, ridiculous: -2, unacceptable: -2, mess: -1, waste: -1, damaged: -1, soaked: -1, crashing: -1,
    rejecting: -1, rejected: -1, confusing: -1, meh: -1, bait: -1, worse: -1, unfortunately: -1,
  },
  nl: {
    goed: 1, goede: 1, prima: 1, top: 1, super: 1, perfect: 2, uitstekend: 2, fantastisch: 2, geweldig: 2, snel: 1,
    makkelijk: 1, gemakkelijk: 1, fijn: 1, fijne: 1, soepel: 1, netjes: 1, duidelijk: 1, duidelijke: 1, blij: 1,
    tevreden: 1, handig: 1, opgelost: 1, geholpen: 1, bedankt: 1, aanrader: 2, gratis: 1, direct: 1, meteen: 1,
    geregeld: 1, scherp: 1, scherpe: 1, leuk: 1, leuke: 1, ruim: 1, hielp: 1,
    slecht: -1, slechte: -2, kapot: -1, kapotte: -1, waardeloos: -2, belachelijk: -2, probleem: -1, problemen: -1,
    foutmelding: -1, fout: -1, traag: -1, teleurgesteld: -1, helaas: -1, jammer: -1, ingewikkeld: -1, beschadigd: -1,
    ingedeukt: -1, nooit: -1, niemand: -1, klacht: -1, verschrikkelijk: -2, irritant: -1, omslachtig: -1,
    ongeldig: -1, verdwenen: -1,
  },
  de: {
    gut: 1, gute: 1, super: 1, top: 1, toll: 2, perfekt: 2, hervorragend: 2, ausgezeichnet: 2, schnell: 1, schnelle: 1,
    flott: 1, einfach: 1, problemlos: 1, gern: 1, gerne: 1, klar: 1, klare: 1, zufrieden: 1, gelöst: 1, geholfen: 1,
    weitergeholfen: 1, danke: 1, sofort: 1, robust: 1, fair: 1, faire: 1, stimmt: 1, empfehlenswert: 2, prima: 1,
    unkompliziert: 1, übersichtlich: 1, kompetent: 1, kompetente: 1,
    schlecht: -1, schlechte: -2, mies: -2, miese: -2, kaputt: -1, defekt: -1, defekter: -1, katastrophe: -2,
    katastrophal: -2, unverschämt: -2, problem: -1, probleme: -1, fehlermeldung: -1, fehlermeldungen: -1, fehler: -1,
    falsch: -1, langsam: -1, enttäuscht: -1, leider: -1, kompliziert: -1, beschädigt: -1, zerdrückt: -1, nie: -1,
    niemand: -1, ewig: -1, umständlich: -1, genervt: -1, ärgerlich: -1, schade: -1, unmöglich: -1, weg: -1,
  },
};

/** Words that flip the words after them (in the same clause). Words ending in n't count too. */
export const NEGATORS: Record<TaggedLanguage, readonly string[]> = {
  en: ['not', 'no', 'never', 'without', 'hardly', 'barely', 'nothing', 'nobody', 'none', 'neither', 'nor', 'cannot', 'wasnt', 'isnt', 'didnt', 'dont', 'doesnt'],
  nl: ['niet', 'geen', 'nooit', 'zonder', 'nauwelijks', 'niets', 'niks', 'niemand', 'noch', 'amper'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'ohne', 'kaum', 'nichts', 'niemand', 'weder'],
};

/** How many words after a negator it reaches. */
export const NEGATION_REACH = 3;

/** Words that start a new clause: the opinion before them does not carry over ("fast, but expensive"). */
export const CONTRAST_WORDS: readonly string[] = ['but', 'however', 'although', 'though', 'except', 'maar', 'echter', 'behalve', 'alleen', 'aber', 'jedoch', 'doch', 'allerdings', 'außer', 'ansonsten', 'verder', 'otherwise'];

/** Words that strengthen the next opinion word. */
export const INTENSIFIERS: readonly string[] = ['very', 'really', 'so', 'super', 'extremely', 'totally', 'incredibly', 'zeer', 'erg', 'heel', 'echt', 'hartstikke', 'ontzettend', 'sehr', 'total', 'extrem', 'wirklich', 'absolut', 'völlig', 'viel', 'veel', 'way', 'much'];

/** "too"/"te"/"zu": turns a neutral measure word after it into a complaint ("te lang", "zu hoch"). */
export const TOO_WORDS: readonly string[] = ['too', 'te', 'zu'];
export const MEASURE_WORDS: readonly string[] = [
  'long', 'high', 'slow', 'small', 'big', 'much', 'many', 'little', 'few', 'late', 'lang', 'hoog', 'klein', 'groot', 'veel', 'weinig',
  'traag', 'laat', 'lange', 'hoch', 'groß', 'viel', 'wenig', 'langsam', 'spät', 'lange', 'teuer', 'duur', 'expensive',
];
