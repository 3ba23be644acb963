/**
 * Phrases that make a short block page furniture, in the languages analysts read most (English,
 * German, French, Spanish, Italian, Portuguese, Dutch). Each pattern is matched against a whole
 * block of at most FURNITURE_MAX_CHARS characters, lower-cased, so a sentence of the story that
 * merely mentions a newsletter or subscribers is never matched: the phrase must be the block, or
 * open it and be followed only by what such boxes carry (a name, a link, a price).
 */
export interface FurniturePhrase {
  reason: string;
  pattern: RegExp;
}

/** Blocks longer than this are article text, whatever words they hold. */
export const FURNITURE_MAX_CHARS = 220;

export const FURNITURE_PHRASES: readonly FurniturePhrase[] = [
  {
    reason: 'subscription offer',
    pattern:
      /^(?:subscribe(?: now| today)?\b|already a subscriber|become a (?:member|subscriber)(?: today| now)?[.!]?$|support (?:our|independent) journalism|this (?:article|story|content) is for subscribers|you have \d+ free articles?|unlimited (?:digital )?access|get (?:full|unlimited) access|start your (?:free )?trial|jetzt (?:abonnieren|abo abschließen|weiterlesen mit)|sie haben bereits ein abo|abonnez-vous|déjà abonné|cet article est réservé aux abonnés|suscríbete\b(?! a nuestro (?:boletín|newsletter))|ya eres suscriptor|hazte (?:socio|suscriptor)|abbonati\b|sei già abbonato|assine (?:já|agora)|já é assinante|word (?:nu )?abonnee|al abonnee)/,
  },
  {
    reason: 'newsletter sign-up',
    pattern:
      /^(?:sign up (?:for|to) (?:our|the) [\w\s'’-]*newsletter|get (?:our|the) [\w\s'’-]*newsletter|newsletter sign-?up|(?:the )?[\w'’-]+ newsletter:|melden sie sich (?:jetzt )?für unseren newsletter an|newsletter abonnieren|inscrivez-vous (?:à|a) (?:notre|la) newsletter|recevez (?:notre|la) newsletter|suscríbete a nuestro (?:boletín|newsletter)|recibe (?:nuestro|el) boletín|iscriviti alla (?:nostra )?newsletter|inscreva-se na (?:nossa )?newsletter|meld je aan voor (?:onze|de) nieuwsbrief)/,
  },
  {
    reason: '"Read more" link',
    pattern:
      /^(?:read more|read also|see also|related(?: stories| articles| coverage| content)?|more on this story|more from (?:the )?[\w'’-]+(?: [\w'’-]+){0,2}|recommended(?: for you)?|most read|you may also like|mehr zum thema|lesen sie auch|auch interessant|das könnte sie auch interessieren|lire aussi|à lire aussi|sur le même sujet|lire également|leer más|lee también|te puede interesar|más información|leggi anche|potrebbe interessarti|leia (?:também|mais)|veja também|lees ook|meer over dit onderwerp)(?![\p{L}\p{N}])\s*[:.…»›>-]?/u,
  },
  {
    reason: '"Continue reading" line',
    pattern:
      /^(?:continue reading(?: the main story| below)?|(?:the )?(?:story|article) continues (?:below|after (?:the )?advertisement)|weiterlesen|lesen sie weiter|weiter nach der anzeige|lire la suite|la suite après (?:cette )?publicité|sigue leyendo|continúa leyendo|continua a leggere|continue lendo|lees verder)\s*[.:…»›>]*$/,
  },
  {
    reason: 'photo credit',
    pattern:
      /^(?:(?:photo|photograph|picture|image|illustration|video|graphic|foto|fotos|bild|bildquelle|crédit photo|crédit|crédits|imagen|immagine|fotografia|beeld)s?\s*(?:credit)?\s*[:©]|©\s*\S|\(?(?:photo|foto)\s*(?:by|de|di|von|door)\s)/,
  },
  {
    reason: 'share buttons',
    pattern:
      /^(?:share(?: this)?(?: article| story| page| on \w+)?|share via|copy link|link copied|teilen|artikel teilen|partager(?: cet article| sur \w+)?|compartir(?: en \w+)?|condividi|compartilhe|compartilhar|delen)\s*[:.]?$/,
  },
  {
    reason: 'advertisement label',
    pattern: /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie)$/,
  },
];

/**
 * A "Read more" phrase opens a sentence of the story now and then ("More from the minister
 * later."); it is furniture only when nothing follows it or what follows is mostly a link.
 */
export const READ_MORE_REASON = '"Read more" link';

/** Names of share targets; a block made of nothing else is a share bar. */
export const SHARE_TARGETS =
  /^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|mail|reddit|pinterest|flipboard|messenger|bluesky|threads|print|copy link|kopieren|imprimer|imprimir|stampa)\s*[,|·•/]?\s*)+$/;

/** Agency credits at the end of a caption: "(Getty Images)", "/ AFP via Getty Images", "Reuters/Jane Doe". */
export const AGENCY_CREDIT =
  /(?:[(/|]\s*(?:[\w .'’-]+\s+(?:via|for|für|pour|para|per)\s+)?(?:getty images|afp|reuters|ap photo|ap|epa(?:-efe)?|dpa|anadolu|xinhua|shutterstock|alamy|imago|picture alliance|efe|ansa|sipa)\b[^)]*\)?|(?:getty images|afp|reuters|ap photo|epa|dpa|shutterstock|imago)\s*\/\s*[\w .'’-]+)\s*$/;
