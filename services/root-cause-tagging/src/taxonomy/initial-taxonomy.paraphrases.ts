import type { TaggedLanguage } from '../text/language';

/**
 * General ways customers name each root cause, beyond its obvious keywords (issue #20): synonyms,
 * paraphrases and inflections, written from how people talk about shops, telecoms, utilities, banks
 * and insurers, not copied from any evaluation set. Same notation as the initial taxonomy.
 */
export const PARAPHRASES: Record<string, Record<TaggedLanguage, string[]>> = {
  price: {
    en: ['price increase', 'price rise', 'price hike', 'worth the money', '+worth it', '+cheaper', '+cheapest', '-pricier', '-rip off', '-rip-off', '-ripoff', '-costly', '+competitive', 'promotion', 'promo', 'offer', 'offers', 'deal', 'deals', 'tariff', 'rates', 'premium', '+good price', '+great price', '-not worth', 'sale', 'priced', '+fair price'],
    nl: ['prijsverhoging', 'prijsstijging', 'prijs-kwaliteit', 'prijs-kwaliteitverhouding', '-duurste', '+goedkoper', '+goedkoopste', 'korting', 'premie', 'actie', 'tarieven', '-afzetterij', '+voordeel', 'geld waard', '+schappelijk', 'geprijsd'],
    de: ['preiserhöhung', 'preis-leistungs-verhältnis', 'preisleistung', '+günstiger', '+billiger', '-teuerste', '-abzocke', '-wucher', 'tarif', 'tarife', 'beitrag', 'prämie', 'aktion', '+schnäppchen', 'rabatte', 'gutschein', 'geld wert', 'preislich'],
  },
  'product-quality': {
    en: ['works', 'working', 'taste', 'tastes', 'fresh', '-stale', '-rotten', 'fit', 'fits', 'coverage', 'signal', 'connection', 'internet', 'broadband', 'network', 'wifi', '-outage', '-outages', '-drops', '-disconnects', '-keeps dropping', '-poor quality', '+high quality', '+reliable', '-unreliable', '-scratched', '-scratches', '-cracked', '-ripped', '-faded', '-shrunk', '-doesn\'t work', '-does not work', '-malfunction', 'battery', '+lasts', '+comfortable', '-uncomfortable', '+delicious', '-tasteless', 'food', 'coffee', 'meal', 'device', 'item', 'items', 'products', 'goods'],
    nl: ['werkt', '-werkt niet', '-doet het niet', 'storing', '-storingen', 'verbinding', 'internet', 'bereik', 'netwerk', 'wifi', 'smaak', 'smaakt', 'vers', '-bedorven', 'pasvorm', 'past', 'producten', 'artikel', 'artikelen', '-gescheurd', '-krassen', '-barst', '-brak', '-valt uit', '-lekkage', '+lekker', '+lekkere', 'eten', 'koffie', 'batterij', 'accu', '+kwalitatief', 'apparaat'],
    de: ['funktioniert', '-funktioniert nicht', 'störung', '-störungen', 'verbindung', 'internet', 'netz', 'empfang', 'wlan', 'geschmack', 'schmeckt', 'frisch', '-verdorben', '-abgelaufen', 'passform', 'passt', 'produkte', 'artikel', 'ware', '-gerissen', '-kratzer', '-riss', '-fällt aus', '-bricht ab', '+lecker', 'essen', 'kaffee', 'akku', '+langlebig', 'gerät'],
  },
  delivery: {
    en: ['deliver', 'delivering', 'deliveries', 'dispatch', 'dispatched', 'ship', 'ships', 'came', 'box', '-never came', '-wrong item', '-missing item', '-crushed', '-dented', '-left outside', '-thrown', '+arrived quickly', 'postman', 'post', 'dhl', 'ups', 'dpd', 'hermes', 'neighbour', 'neighbor', 'pickup point', 'order'],
    nl: ['bezorgers', 'levertijden', 'bezorgdienst', 'aangekomen', 'ontvangen', '-niet aangekomen', '-nooit aangekomen', '-niet ontvangen', '-verkeerde artikel', '-ontbrak', '-ingedeukt', 'buren', 'postnl', 'dhl', 'doos', '+snel in huis', 'bestelling', 'kwam', 'afhaalpunt'],
    de: ['lieferungen', 'liefern', 'lieferdienst', 'zusteller', 'kurier', 'paketdienst', 'dhl', 'hermes', 'dpd', 'angekommen', 'ankunft', 'erhalten', 'bestellung', '-nie angekommen', '-nicht angekommen', '-falscher artikel', '-falsche artikel', '-fehlte', '-zerdrückt', '-eingedrückt', 'nachbarn', '+schnell geliefert', '+schnell da', '+blitzschnell', 'karton', 'kam', 'packstation'],
  },
  support: {
    en: ['customer support', 'customer care', 'call centre', 'call center', 'advisor', 'adviser', 'rep', 'representative', 'consultant', 'engineer', 'technician', 'complaint', '+resolved', '+sorted', '-unresolved', '-not resolved', '-still not fixed', '-passed around', '-runaround', '-fobbed off', '-explain again', '-no solution', 'solution', '-clueless', '-incompetent', '+competent', 'help', '-couldn\'t help', '-didn\'t help', '+helped', 'claim'],
    nl: ['klantendienst', 'servicedesk', 'klantcontact', 'adviseur', 'monteur', 'klacht', 'oplossing', '-niet opgelost', '-van het kastje naar de muur', '-doorgestuurd', '-opnieuw uitleggen', '+deskundig', '-onkundig', '-geen oplossing', '+goed geholpen', '+geregeld', 'hulp', '-geen hulp', '-kon niet helpen', '-niet helpen', 'schadeclaim', 'claim'],
    de: ['kundenbetreuung', 'kundencenter', 'callcenter', 'berater', 'beraterin', 'techniker', 'beschwerde', 'lösung', '-keine lösung', '-ungelöst', '-nicht gelöst', '-weitergeleitet', '+kompetent', '-inkompetent', '-ahnungslos', 'hilfe', '-keine hilfe', '-nicht weiterhelfen', '+erledigt', '+geklärt', 'reklamation', 'schadensmeldung', 'schadenfall'],
  },
  'wait-time': {
    en: ['-callback', '-call back', '-called back', '-rang back', '-ring back', '-still waiting', '-no answer', '-no reply', '-no response', '-never answered', '-never replied', 'minutes', 'days', 'weeks', '-forever', '-ages', 'response time', '+quick response', '+quickly answered', '+replied', '+answered', '+within an hour', '+no wait', '-line', '-queues', '-hold music', 'waiting time'],
    nl: ['-terugbellen', '-teruggebeld', '-wacht', '-wachtte', '-nog steeds', '-wachtrij', 'minuten', 'dagen', 'weken', '-geen antwoord', '-nooit antwoord', '-niet gereageerd', 'reageren', 'reactietijd', '+snel antwoord', '+binnen een uur', '+snel gereageerd', '-eeuwig', '-ellenlang', 'kassa', 'antwoord'],
    de: ['-rückruf', '-zurückgerufen', '-warte', '-wartete', '-immer noch', 'minuten', 'tage', 'wochen', '-keine antwort', '-nie geantwortet', '-nicht reagiert', 'reaktionszeit', 'bearbeitungszeit', 'bearbeitung', '+schnelle antwort', '+schnell geantwortet', '-ewig', '-ewigkeit', 'kasse', 'antwort'],
  },
  billing: {
    en: ['bills', 'invoices', 'charge', 'charges', 'direct debit', 'debit', 'debited', 'paid', 'pay', 'credit card', 'paypal', 'statement', 'instalment', 'installment', '-double charged', '-charged me', '-wrong amount', '-debt collector', 'transaction', 'took the money'],
    nl: ['facturen', 'afschrijving', '-dubbel betaald', '-te veel betaald', 'creditcard', 'pinnen', 'pinbetaling', 'termijn', 'incassobureau', 'betaalmethode', 'achteraf betalen', 'klarna', 'bedrag'],
    de: ['rechnungen', 'abbuchungen', 'abgezogen', '-doppelt abgebucht', 'kreditkarte', 'bezahlen', 'zahlen', 'ratenzahlung', 'raten', 'inkasso', 'zahlungsart', 'kartenzahlung', 'klarna', 'überweisung', 'betrag'],
  },
  'returns-refunds': {
    en: ['refunds', 'money back', 'returns', 'return label', 'returns policy', 'reimbursed', 'reimbursement', 'credit note', 'cancelled', 'cancellation', 'deposit back', 'send back', 'sending back'],
    nl: ['retouren', 'retourlabel', 'teruggestuurd', 'terugbetaald', 'teruggave', 'teruggestort', 'annuleren', 'geannuleerd', 'annulering', 'omruilen', 'geruild', 'vergoeding', 'vergoed', 'retourzending'],
    de: ['zurückschicken', 'zurückgeschickt', 'zurücksenden', 'retouren', 'retourniert', 'retourenschein', 'rückgabe', 'erstattet', 'zurückerstattet', 'gutschrift', 'storniert', 'stornierung', 'stornieren', 'widerruf', 'umgetauscht', 'geld zurückbekommen'],
  },
  usability: {
    en: ['site', 'web site', 'online', 'portal', 'interface', 'search', 'filter', 'menu', 'form', 'password', '+user friendly', '+user-friendly', '+easy to navigate', '+straightforward', '-glitchy', '-buggy', '-bugs', '-crashes', '-freezes', '-logged out', '-logs me out', '-slow to load', '-complicated', '-hard to find', '+easy to find', '+seamless', 'navigation', 'navigate', 'self-service', 'self-checkout', 'ordering'],
    nl: ['site', 'webwinkel', 'portaal', 'zoekfunctie', 'zoeken', 'formulier', 'wachtwoord', 'ingelogd', '+gebruiksvriendelijk', '-ingewikkeld', '-loopt vast', '-crasht', '+eenvoudig', '+simpel', 'navigatie', 'zelfscan', 'online', 'besteld', 'afrekenen'],
    de: ['seite', 'internetseite', 'homepage', 'portal', 'kundenportal', 'suche', 'suchfunktion', 'formular', 'passwort', 'anmelden', 'anmeldung', 'einloggen', '+benutzerfreundlich', '+intuitiv', '-kompliziert', '-stürzt ab', '-abgestürzt', 'navigation', 'bedienung', '+leicht zu bedienen', 'online', 'bestellt'],
  },
  'staff-attitude': {
    en: ['people', 'guy', 'woman', 'girl', 'team', 'waiter', 'waitress', 'attitude', 'manner', '+lovely', '+pleasant', '+courteous', '+respectful', '+attentive', '+cheerful', '+welcoming', '+nice', '-unprofessional', '-condescending', '-dismissive', '-shouting', '-shouted', '-yelled', '-snapped', '-hung up', '-disrespectful', '-like a number', '-grumpy', '-patronising', '-patronizing', '-impatient', '+smile', '+smiling', 'colleague', 'assistant'],
    nl: ['medewerkers', 'medewerkster', 'jongen', 'meisje', 'mevrouw', 'meneer', 'bediening', 'houding', '+aardige', '+geduldig', '+hartelijk', '+attent', '+klantvriendelijk', '+behulpzame', '-onbeschoft', '-onbeschofte', '-bot', '-brutaal', '-arrogant', '-neerbuigend', '-ongeïnteresseerd', '-chagrijnig', '-opgehangen', '-hing op', '-schreeuwde', '-als een nummer', '+glimlach', '+lief', '+lieve'],
    de: ['mitarbeiterin', 'mitarbeitern', 'bedienung', 'kellner', 'kellnerin', 'umgang', '+freundliche', '+freundlicher', '+geduldig', '+geduldiger', '+zuvorkommend', '+höfliche', '+herzlich', '+sympathisch', '+aufmerksam', '-unhöfliche', '-patzig', '-pampig', '-arrogant', '-arrogante', '-desinteressiert', '-angeschrien', '-angeschnauzt', '-respektlos', '-wie eine nummer', '-unfreundlicher', '+lächeln'],
  },
  communication: {
    en: ['informed', 'inform', 'notification', 'notifications', 'message', 'messages', 'letter', 'letters', 'text', 'sms', 'update', 'updates', 'newsletter', 'terms', 'conditions', 'small print', 'advertised', 'advert', '-not informed', '-no warning', '-without warning', '-no notice', '-no explanation', '-never told', '-unclear', '-vague', '-conflicting', '+clear information', '+well informed', 'explanation', 'status', 'track and trace', 'promised'],
    nl: ['geïnformeerd', 'informeren', 'melding', 'meldingen', 'bericht', 'berichten', 'brief', 'mail', 'e-mail', 'mailtje', 'sms', 'update', 'updates', 'voorwaarden', 'kleine lettertjes', 'track en trace', 'vermeld', '-nergens vermeld', '-zonder uitleg', '-geen uitleg', '-niet geïnformeerd', '-geen bericht', '-tegenstrijdig', '-tegenstrijdige', '-onduidelijk', '+duidelijk uitgelegd', '+goed geïnformeerd', 'reclame', 'beloofd'],
    de: ['benachrichtigung', 'benachrichtigungen', 'nachricht', 'nachrichten', 'brief', 'schreiben', 'mail', 'e-mail', 'sms', 'mitteilung', 'bedingungen', 'kleingedruckte', 'sendungsverfolgung', 'werbung', 'beworben', 'information', '-nicht informiert', '-ohne vorwarnung', '-keine info', '-keine erklärung', '-ohne erklärung', '-widersprüchlich', '-widersprüchliche', '-unklar', '+gut informiert', 'versprochen', 'auskunft'],
  },
  availability: {
    en: ['availability', 'range', 'selection', 'choice', 'size', 'sizes', 'opening hours', 'closed', 'appointment', 'appointments', 'slot', 'slots', 'discontinued', '-not available', '-not in stock', '-backorder', '-back order', '-back-ordered', '+back in stock', '+wide range', '+great selection'],
    nl: ['beschikbaar', '-niet beschikbaar', '-niet leverbaar', 'maat', 'maten', 'keuze', 'aanbod', 'openingstijden', 'gesloten', 'afspraak', 'tijdslot', 'tijdsloten', '+ruim assortiment', '-niet op voorraad', '+weer op voorraad', 'uit het assortiment'],
    de: ['verfügbarkeit', '-nicht verfügbar', '-nicht lieferbar', '-nicht vorrätig', 'größe', 'größen', 'sortiment', 'öffnungszeiten', 'geöffnet', 'geschlossen', 'termin', 'termine', 'vorrat', '-nicht mehr erhältlich', 'erhältlich', '+große auswahl'],
  },
};
