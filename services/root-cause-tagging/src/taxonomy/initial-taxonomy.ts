import type { TaggedLanguage } from '../text/language';
import { PARAPHRASES } from './initial-taxonomy.paraphrases';
import type { TaxonomyTag, TaxonomyTerm } from './taxonomy.types';

type TermList = Record<TaggedLanguage, string[]>;

// "-word": a complaint about the tag in itself, "+word": praise, plain: names the subject.
const INITIAL: Record<string, { name: string; terms: TermList }> = {
  price: {
    name: 'Price and value for money',
    terms: {
      en: ['price', 'prices', 'pricing', 'cost', 'costs', 'value', '-expensive', '-overpriced', '-pricey', '-steep', '+cheap', '+affordable', '+reasonable prices', '+value for money', '+discount', '+discounts', '+bargain', '+good deal', 'shipping costs', 'fee', 'fees'],
      nl: ['prijs', 'prijzen', 'kosten', '-duur', '-duurder', '-prijzig', '-te duur', '+goedkoop', '+betaalbaar', '+scherpe prijzen', '+aanbieding', '+aanbiedingen', '+waar voor je geld', '+voordelig', 'verzendkosten', 'tarief', 'abonnement'],
      de: ['preis', 'preise', 'kosten', '-teuer', '-teurer', '-überteuert', '-zu teuer', '+günstig', '+billig', '+preiswert', '+preis-leistung', '+angebote', '+angebot', '+rabatt', 'versandkosten', 'gebühr', 'gebühren', 'abo'],
    },
  },
  'product-quality': {
    name: 'Product quality',
    terms: {
      en: ['quality', 'product', 'build', 'material', 'durable', '-broke', '-broken', '-faulty', '-defective', '-leaks', '-flimsy', '-came apart', '-fell apart', '-stopped working', '+works perfectly', '+well made', '+sturdy'],
      nl: ['kwaliteit', 'product', 'materiaal', '-kapot', '-kapotte', '-defect', '-stuk', '-lekt', '-strepen', '-slechte kwaliteit', '+goede kwaliteit', '+stevig', '+degelijk'],
      de: ['qualität', 'produkt', 'material', 'verarbeitet', 'verarbeitung', '-kaputt', '-defekt', '-defekter', '-aufgegangen', '-schlechte qualität', '-miese qualität', '+robust', '+hochwertig', '+gute qualität', '+hervorragende qualität', '+stabil'],
    },
  },
  delivery: {
    name: 'Delivery and shipping',
    terms: {
      en: ['delivery', 'delivered', 'shipping', 'shipped', 'shipment', 'courier', 'driver', 'parcel', 'package', 'arrived', 'arrival', 'postage', 'tracking', 'delivery slot', '-late', '-delayed', '-lost', '-never arrived', '-never showed up', '-damaged', '-soaked', '+on time', '+early', '+next day'],
      nl: ['levering', 'leveren', 'geleverd', 'bezorging', 'bezorgd', 'bezorger', 'bezorgen', 'pakket', 'pakketje', 'verzending', 'verzonden', 'koerier', 'levertijd', '-te laat', '-vertraagd', '-beschadigd', '-kwijt', '-gegooid', '+op tijd', '+snel geleverd', '+snel bezorgd', '+volgende dag', '+netjes verpakt'],
      de: ['lieferung', 'geliefert', 'zugestellt', 'zustellung', 'versand', 'versendet', 'paket', 'paketbote', 'fahrer', 'lieferzeit', 'sendung', '-zu spät', '-verspätet', '-verzögert', '-beschädigt', '-verloren', '-geworfen', '+pünktlich', '+nächsten tag', '+gut verpackt'],
    },
  },
  support: {
    name: 'Customer support',
    terms: {
      en: ['support', 'customer service', 'helpdesk', 'help desk', 'service desk', 'agent', 'chatbot', 'hotline', '+helpful', '+solved', '+sorted out', '+fixed it', '-useless', '-no help', '-could not help'],
      nl: ['klantenservice', 'helpdesk', 'service', 'contact', 'reactie', 'doorverbonden', '+opgelost', '+geholpen', '-niet geholpen', '-geen reactie'],
      de: ['support', 'kundenservice', 'kundendienst', 'hotline', 'service', 'weiterverbunden', 'reagiert', '+gelöst', '+geholfen', '+hilfreich', '+weitergeholfen', '-nicht geholfen'],
    },
  },
  'wait-time': {
    name: 'Waiting and response times',
    terms: {
      en: ['-on hold', '-queue', '-waiting', '-waited', '-wait', '-took them', '-took ages', '-hours', '+right away', '+short wait'],
      nl: ['-in de wacht', '-wachttijd', '-wachten', '-gewacht', '-rij', '+direct geholpen'],
      de: ['-warteschleife', '-wartezeit', '-warten', '-gewartet', '-schlange', '-stunden', '+sofort bedient'],
    },
  },
  billing: {
    name: 'Billing and payment',
    terms: {
      en: ['invoice', 'bill', 'billed', 'billing', 'payment', 'paying', 'card', 'subscription', '-charged twice', '-charged', '-overcharged'],
      nl: ['factuur', 'rekening', 'betaling', 'betalen', 'betaald', 'afgeschreven', 'aanmaning', 'incasso', 'ideal'],
      de: ['rechnung', 'bezahlung', 'bezahlt', 'zahlung', 'abgebucht', 'abbuchung', 'mahnung', 'paypal', 'lastschrift'],
    },
  },
  'returns-refunds': {
    name: 'Returns and refunds',
    terms: {
      en: ['refund', 'refunded', 'return', 'returning', 'returned', 'sent back', 'exchange', 'exchanging', 'take back', '-refused'],
      nl: ['retour', 'retourneren', 'terugsturen', 'ruilen', 'om te ruilen', 'geld terug', 'geld niet terug', 'terugbetaling', '-weigeren'],
      de: ['rücksendung', 'retoure', 'rückerstattung', 'erstattung', 'umtausch', 'umtauschen', 'umzutauschen', 'geld zurück', '-weigern'],
    },
  },
  usability: {
    name: 'Ease of use of website and app',
    terms: {
      en: ['website', 'app', 'checkout', 'log in', 'login', 'payment page', '+easy to use', '+intuitive', '-confusing', '-clunky', '-crashing', '-error message', '-couldn\'t find'],
      nl: ['website', 'app', 'inloggen', 'bestelproces', 'bestellen', 'webshop', '+makkelijk', '+overzichtelijk', '-onoverzichtelijk', '-omslachtig', '-foutmelding'],
      de: ['webseite', 'website', 'app', 'login', 'bestellprozess', 'bestellen', 'onlineshop', '+einfach zu bedienen', '+übersichtlich', '-unübersichtlich', '-umständlich', '-fehlermeldungen', '-fehlermeldung'],
    },
  },
  'staff-attitude': {
    name: 'Attitude of staff',
    terms: {
      en: ['staff', 'employee', 'manager', 'lady', 'cashier', '-rude', '-unfriendly', '-impolite', '-arrogant', '-ignored', '-laughed', '+friendly', '+polite', '+kind', '+knowledgeable', '+patient'],
      nl: ['medewerker', 'personeel', 'verkoper', 'caissière', 'dame', '-onbeleefd', '-onvriendelijk', '-onvriendelijke', '-kortaf', '-luisterde', '+vriendelijk', '+vriendelijke', '+aardig', '+behulpzaam', '+beleefd'],
      de: ['mitarbeiter', 'personal', 'verkäufer', 'verkäuferin', 'dame', '-unfreundlich', '-unfreundliche', '-unhöflich', '-herablassend', '-genervt', '-aufgelegt', '+freundlich', '+nett', '+nette', '+hilfsbereit', '+höflich', '+kompetente'],
    },
  },
  communication: {
    name: 'Communication and information',
    terms: {
      en: ['information', 'email', 'emails', 'confirmation', 'description', 'tracking info', 'told me', 'no idea', 'explain', 'updated', '+kept informed', '-contradictory', '-misleading', '-nobody told'],
      nl: ['communicatie', 'informatie', 'bevestiging', 'uitleg', 'op de hoogte', 'laat iets weten'],
      de: ['kommunikation', 'informiert', 'infos', 'informationen', 'angaben', 'bestellbestätigung', 'bestätigung', 'gesagt'],
    },
  },
  availability: {
    name: 'Availability and stock',
    terms: {
      en: ['stock', 'in stock', 'available', '-out of stock', '-sold out', '-unavailable'],
      nl: ['voorraad', 'op voorraad', 'leverbaar', 'assortiment', '-uitverkocht'],
      de: ['lager', 'auf lager', 'vorrätig', 'lieferbar', 'verfügbar', 'auswahl', '-ausverkauft', '-vergriffen'],
    },
  },
};

function term(written: string): TaxonomyTerm {
  if (written.startsWith('-')) return { text: written.slice(1), polarity: 'negative' };
  if (written.startsWith('+')) return { text: written.slice(1), polarity: 'positive' };
  return { text: written };
}

function terms(id: string, keywords: TermList, language: TaggedLanguage): TaxonomyTerm[] {
  return [...new Set([...keywords[language], ...(PARAPHRASES[id]?.[language] ?? [])])].map(term);
}

/** The taxonomy of version 1, with exactly the ids of issue #7. */
export function initialTaxonomyTags(): TaxonomyTag[] {
  return Object.entries(INITIAL).map(([id, tag]) => ({
    id,
    name: tag.name,
    terms: { en: terms(id, tag.terms, 'en'), nl: terms(id, tag.terms, 'nl'), de: terms(id, tag.terms, 'de') },
  }));
}
