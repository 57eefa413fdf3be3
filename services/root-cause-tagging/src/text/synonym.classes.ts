import concepts from '../../data/concepts.json';
import { TAGGED_LANGUAGES, type TaggedLanguage } from './language';
import { FUNCTION_WORDS } from './language.stopwords';
import { stemWord } from './word.stemmer';

/**
 * Words that mean the same thing for a root cause, in all three languages (ADR 0040). The model sees
 * the class ("~answer") besides the word, so what it learns from "nobody called back" carries over to
 * "niemand heeft teruggebeld" and "keiner hat zurückgerufen", and to a synonym it never saw labelled.
 * General vocabulary of customer service, not phrases of any evaluation set.
 */
const CLASSES: Record<string, Record<TaggedLanguage, string>> = {
  duration: {
    en: 'day days week weeks month months hour hours minute minutes year years fortnight ages forever',
    nl: 'dag dagen week weken maand maanden uur uren minuut minuten jaar jaren eeuwig eeuwen',
    de: 'tag tage tagen woche wochen monat monate monaten stunde stunden minute minuten jahr jahre ewig ewigkeit',
  },
  wait: {
    en: 'wait waiting waited waits queue hold chasing chase chased',
    nl: 'wachten wacht gewacht wachttijd wachtrij wachttijden achteraan',
    de: 'warten wartet gewartet warte wartezeit warteschleife wartezeiten hinterherlaufen',
  },
  still: {
    en: 'still yet eventually finally anymore',
    nl: 'nog steeds eindelijk uiteindelijk alsnog',
    de: 'noch immer endlich schließlich mittlerweile inzwischen',
  },
  speed: {
    en: 'slow slowly quick quickly fast faster prompt promptly immediately instantly speedy swift long longer',
    nl: 'snel sneller traag langzaam vlot meteen direct onmiddellijk lang lange langer razendsnel',
    de: 'schnell schneller langsam zügig prompt sofort umgehend direkt lange lang länger flott',
  },
  late: {
    en: 'late delayed delay delays overdue punctual',
    nl: 'laat vertraging vertraagd vertragingen stipt',
    de: 'spät verspätet verspätung verzögerung verzögert pünktlich',
  },
  answer: {
    en: 'answer answered answers reply replied replies response respond responded responses',
    nl: 'antwoord antwoorden beantwoord reactie reageren gereageerd reageert',
    de: 'antwort antworten beantwortet geantwortet rückmeldung reagiert reagieren',
  },
  call: {
    en: 'call called calls calling phone phoned rang ring hotline helpline',
    nl: 'bellen gebeld belde belt telefoon telefonisch teruggebeld terugbellen',
    de: 'anrufen angerufen anruf anrufe rückruf telefon telefonisch hotline zurückgerufen zurückrufen',
  },
  message: {
    en: 'email emails mail message messages letter letters text texts sms notification notifications',
    nl: 'mail mails mailtje email bericht berichten brief brieven sms melding meldingen',
    de: 'mail mails email nachricht nachrichten brief briefe schreiben sms benachrichtigung',
  },
  inform: {
    en:
      'inform informed explain explained explanation told update ' +
      'updates notify notified heads warning info information',
    nl: 'informeren geïnformeerd uitleg uitleggen uitgelegd vertellen verteld laten update informatie gemeld melden',
    de: 'informieren informiert erklärt erklärung erklären bescheid mitgeteilt info information informationen auskunft',
  },
  nobody: {
    en: 'nobody noone nothing',
    nl: 'niemand niks niets',
    de: 'niemand keiner nichts',
  },
  never: {
    en: 'never',
    nl: 'nooit',
    de: 'nie niemals',
  },
  person: {
    en:
      'staff employee employees agent agents rep advisor adviser ' +
      'lady guy man woman girl cashier colleague engineer technician',
    nl:
      'medewerker medewerkers medewerkster verkoper verkoopster adviseur ' +
      'meneer mevrouw jongen meisje kassière personeel monteur',
    de:
      'mitarbeiter mitarbeiterin berater beraterin verkäufer verkäuferin ' +
      'dame herr personal kassiererin techniker monteur',
  },
  manner: {
    en: 'friendly unfriendly polite impolite rude kind patient impatient arrogant courteous respectful condescending',
    nl: 'vriendelijk onvriendelijk beleefd onbeleefd onbeschoft aardig geduldig ongeduldig arrogant respectvol',
    de: 'freundlich unfreundlich höflich unhöflich nett geduldig ungeduldig arrogant respektvoll frech',
  },
  help: {
    en: 'help helped helpful helping unhelpful support service helpdesk assistance',
    nl: 'helpen geholpen hulp behulpzaam service klantenservice helpdesk ondersteuning klantendienst',
    de: 'helfen geholfen hilfe hilfsbereit service kundenservice kundendienst support unterstützung',
  },
  solve: {
    en: 'solve solved fix fixed resolve resolved sorted',
    nl: 'oplossen opgelost oplossing verholpen geregeld regelen',
    de: 'lösen gelöst lösung behoben beheben geregelt regeln erledigt',
  },
  refund: {
    en: 'refund refunded refunds reimbursed reimbursement compensation credited',
    nl: 'terugbetaling terugbetaald terugstorting teruggestort vergoeding vergoed',
    de: 'erstattung rückerstattung erstattet zurückerstattet gutschrift entschädigung',
  },
  return: {
    en: 'return returned returns returning exchange exchanged swap',
    nl: 'retour retourneren geretourneerd terugsturen teruggestuurd ruilen omruilen omgeruild retourpakket',
    de: 'rücksendung zurückschicken zurückgeschickt retoure retour umtauschen umtausch umgetauscht',
  },
  bill: {
    en: 'invoice invoices bill billed billing charged charge charges debit debited statement',
    nl: 'factuur facturen rekening afschrijving afgeschreven incasso geïncasseerd aangerekend',
    de: 'rechnung rechnungen abgebucht abbuchung lastschrift berechnet abrechnung belastet',
  },
  twice: {
    en: 'twice double duplicate',
    nl: 'dubbel tweemaal',
    de: 'doppelt zweimal',
  },
  cancel: {
    en: 'cancel cancelled canceled cancellation terminate terminated',
    nl: 'opzeggen opgezegd annuleren geannuleerd opzegging annulering',
    de: 'kündigen gekündigt kündigung storniert stornieren stornierung',
  },
  price: {
    en: 'price prices priced pricey expensive cheap cheaper costs cost overpriced affordable value',
    nl: 'prijs prijzen duur duurder goedkoop goedkoper kosten betaalbaar geprijsd',
    de: 'preis preise teuer teurer günstig günstiger billig kosten preiswert bezahlbar',
  },
  fee: {
    en: 'fee fees surcharge',
    nl: 'toeslag administratiekosten',
    de: 'gebühr gebühren aufpreis zuschlag',
  },
  deliver: {
    en: 'delivery delivered deliver shipping shipped parcel package courier driver postman',
    nl: 'bezorging bezorgd bezorger bezorgen levering geleverd leveren pakket pakketje verzending verzonden koerier',
    de: 'lieferung geliefert liefern paket zustellung zugestellt versand versendet bote fahrer kurier paketbote',
  },
  arrive: {
    en: 'arrived arrive arrives came received receive',
    nl: 'aangekomen aankomen kwam gekomen ontvangen gekregen',
    de: 'angekommen ankommen kam gekommen erhalten bekommen eingetroffen',
  },
  broken: {
    en: 'broken broke damaged defect defective faulty scratched scratches cracked dented',
    nl: 'kapot beschadigd defect stuk krassen gebarsten deuk',
    de: 'kaputt beschädigt defekt kratzer zerbrochen gebrochen delle',
  },
  quality: {
    en: 'quality sturdy solid durable flimsy lasts lasted',
    nl: 'kwaliteit stevig degelijk duurzaam wankel gammel',
    de: 'qualität hochwertig robust stabil langlebig wackelig minderwertig',
  },
  stock: {
    en: 'stock available unavailable sold availability',
    nl: 'voorraad uitverkocht leverbaar beschikbaar verkrijgbaar',
    de: 'lager vorrätig ausverkauft verfügbar lieferbar erhältlich',
  },
  open: {
    en: 'open closed closing reachable',
    nl: 'open gesloten dicht openingstijden bereikbaar',
    de: 'geöffnet geschlossen öffnungszeiten erreichbar',
  },
  digital: {
    en: 'app website site online portal login account checkout menu interface',
    nl: 'app website site online portaal inloggen account webshop menu',
    de: 'app webseite website online portal einloggen konto anmeldung menü',
  },
  ease: {
    en: 'easy simple intuitive confusing complicated clunky unclear',
    nl: 'makkelijk gemakkelijk eenvoudig ingewikkeld omslachtig overzichtelijk onoverzichtelijk',
    de: 'einfach kompliziert umständlich übersichtlich unübersichtlich intuitiv verwirrend',
  },
  promise: {
    en: 'promised promise supposed',
    nl: 'beloofd beloven beloofde toegezegd',
    de: 'versprochen versprechen zugesagt angeblich',
  },
  clear: {
    en: 'clear clearly unclear vague transparent',
    nl: 'duidelijk onduidelijk vaag helder transparant',
    de: 'klar unklar verständlich unverständlich transparent',
  },
  again: {
    en: 'again repeatedly times',
    nl: 'weer opnieuw keer keren',
    de: 'wieder erneut mehrmals',
  },
};

/** Words of compounds are looked up in parts only from this length ("Rückerstattung", "klantenservice"). */
const MIN_COMPOUND = 8;
const MIN_PART = 4;
const CACHE_LIMIT = 50000;

const byWord = new Map<string, string>();
const byStem = new Map<string, string>();
/** Files each word of `classes` and its stem under its class; with `replace`, a word filed before moves. */
function file(classes: Record<string, Record<TaggedLanguage, string>>, replace: boolean): void {
  const put = (map: Map<string, string>, key: string, name: string) => {
    if (replace || !map.has(key)) map.set(key, name);
  };
  for (const [name, words] of Object.entries(classes))
    for (const language of TAGGED_LANGUAGES)
      for (const word of words[language].split(' ')) {
        put(byWord, word, name);
        put(byStem, stemWord(language, word), name);
      }
}
file(CLASSES, true);
// The concept inventory (data/concepts.json, ADR 0056) fills in every word the classes above do not name.
file(concepts as Record<string, Record<TaggedLanguage, string>>, false);
const cache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/**
 * The synonym classes of a word: by the word or its stem, or for a long word by the parts of it that
 * are class words (head and modifier of a compound: "Rückerstattung" → refund, "klantenservice" → help).
 */
export function synonymClasses(lower: string, stem: string): readonly string[] {
  const key = `${lower}|${stem}`;
  let classes = cache.get(key);
  if (classes) return classes;
  // A function word counts only in its own form: "nicht" shares its stem with "nichts" (nobody).
  const whole = byWord.get(lower) ?? (FUNCTION_WORDS.has(lower) ? undefined : byStem.get(stem));
  if (whole) classes = [whole];
  else if (lower.length >= MIN_COMPOUND) classes = compoundClasses(lower);
  else classes = NONE;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, classes);
  return classes;
}

function compoundClasses(lower: string): readonly string[] {
  const found = new Set<string>();
  // Head: the longest tail that is a class word; modifier: the longest head, a linking s/n/e allowed.
  for (let i = MIN_PART - 1; i <= lower.length - MIN_PART; i++) {
    const head = byWord.get(lower.slice(i)) ?? byStem.get(lower.slice(i));
    if (head) {
      found.add(head);
      break;
    }
  }
  for (let i = lower.length - MIN_PART; i >= MIN_PART; i--) {
    const part = lower.slice(0, i);
    const modifier =
      byWord.get(part) ?? byStem.get(part) ?? (/[sne]$/.test(part) ? byWord.get(part.slice(0, -1)) : undefined);
    if (modifier) {
      found.add(modifier);
      break;
    }
  }
  return found.size === 0 ? NONE : [...found];
}
