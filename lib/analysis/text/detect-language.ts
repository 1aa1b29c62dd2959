import type { LanguageResult } from '../feedback-analysis.js';
import { LexemeCache, LexemeNumbers } from './lexemes.js';
import type { Token } from './tokenize.js';

/**
 * High-frequency function words per Latin-script language. Short comments ("Quick service") have too
 * few letters for character n-grams, but almost every sentence has a few of these; long stopword lists
 * overlap too much between languages to tell them apart.
 */
const functionWords: Readonly<Record<string, string>> = {
  en: "the and was is are were to of a in it for on with my i you your they have has had not no but be been this that at me we our from very would could when after still just don't didn't i've it's i'm do did does by as an or if so all what where how why there which who will can get got up out about",
  es: 'el la los las de del que y en un una es por con no para su al lo como más pero sus le ya o este muy fue me mi nadie nunca todavía servicio está estoy han',
  fr: "le la les de des du un une et est en que qui pas ne pour dans ce il elle nous vous sur avec au aux mais très été j'ai c'est n'est je mon ma mes personne jamais toujours",
  de: 'der die das und ist nicht ein eine zu den mit von sich des auf für im dem sie es war wurde ich mein meine noch sehr aber auch wir kein keine niemand',
  it: "il lo la gli le di del della che e è un una per non con sono ho ma mi molto ancora nessuno mai questo stato anche più l'ordine",
  pt: 'o a os as de do da dos das que e é um uma para com não em no na por mais mas foi muito ainda ninguém nunca meu minha estou já',
  nl: 'de het een en van is niet dat op te in met voor zijn maar er ik mijn nog geen wel heel al ook was werd niemand nooit',
  sv: 'och att det som en ett är inte på för med av jag min mitt har var men till den de vi ingen aldrig fortfarande mycket',
  da: 'og at det som en et er ikke på for med af jeg min mit har var men til den de vi ingen aldrig stadig meget endnu fået hvad hvorfor nogen',
  no: 'og at det som en et er ikke på for med av jeg min mitt har var men til den de vi ingen aldri fortsatt veldig ennå fått hva hvorfor noen',
  fi: 'ja on ei se että oli en olen mutta kun vielä minun minä joka tai kanssa myös hyvin koska mitään kukaan',
  pl: 'i w nie na się z że jest do to jak ale o co mnie mój moja jeszcze bardzo już był była nikt nigdy przez',
  cs: 'a v se na je to že z do s jsem ale o jak by mi můj moje ještě velmi už byl nikdo nikdy není',
  ro: 'și în de la nu cu pe că este un o a mai dar am fost foarte încă nimeni niciodată meu mea',
  hu: 'a az és hogy nem is egy van volt meg de már még nagyon csak el ki senki soha nekem az én',
  tr: 've bir bu da de için çok ama ile ne daha hiç ben benim değil var yok gibi hala kimse asla oldu',
  id: 'dan yang di ke dari ini itu tidak untuk dengan ada saya sudah belum sangat juga tapi masih tidak pernah',
  vi: 'và là của có không được cho tôi này một những đã với rất nhưng vẫn chưa ai',
};

const languageCodes = Object.keys(functionWords);
const ENGLISH = languageCodes.indexOf('en');

/** Function word -> the languages (indexes into `languageCodes`) that use it: one lookup per word. */
const languagesByWord = new Map<string, number[]>();
for (const [language, words] of Object.values(functionWords).entries()) {
  for (const word of new Set(words.split(' '))) {
    const languages = languagesByWord.get(word);
    if (languages) languages.push(language);
    else languagesByWord.set(word, [language]);
  }
}

const NO_LANGUAGES: readonly number[] = [];

/** What a word tells the language detector: its function-word languages and its letters by script. */
interface WordEvidence {
  languages: readonly number[];
  letters: number;
  /** Letters per script of `scripts`; undefined for a plain ASCII word. */
  byScript?: number[];
}

const evidenceOf = new LexemeCache<WordEvidence>(({ word }) => ({
  languages: languagesByWord.get(word) ?? NO_LANGUAGES,
  ...countLetters(word),
}));

// What most words tell the detector fits in one number (see `LexemeNumbers`): their letters above
// LANGUAGE_BITS, below them 0 (no function word), the one language + 1 whose function word it is, or
// SEE_EVIDENCE (several languages, or letters of `scripts`: read the word's evidence).
const LANGUAGE_BITS = 6;
const SEE_EVIDENCE = (1 << LANGUAGE_BITS) - 1;
const packedEvidenceOf = new LexemeNumbers((lexeme) => {
  const evidence = evidenceOf.get(lexeme);
  const languages = evidence.languages;
  const code =
    evidence.byScript || languages.length > 1
      ? SEE_EVIDENCE
      : languages.length === 1
        ? (languages[0] as number) + 1
        : 0;
  return (evidence.letters << LANGUAGE_BITS) | code;
});
if (languageCodes.length >= SEE_EVIDENCE) throw new Error('too many languages for LANGUAGE_BITS');

/** Scripts that name their language outright (or nearly). */
const scripts: ReadonlyArray<readonly [code: string, pattern: RegExp]> = [
  ['ja', /[\u3040-\u30ff]/u],
  ['ko', /[\uac00-\ud7af\u1100-\u11ff]/u],
  ['zh', /\p{Script=Han}/u],
  ['ru', /\p{Script=Cyrillic}/u],
  ['ar', /\p{Script=Arabic}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['el', /\p{Script=Greek}/u],
  ['th', /\p{Script=Thai}/u],
  ['hi', /\p{Script=Devanagari}/u],
];

const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/u;
const WORD = /[\p{L}']+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().replaceAll('’', "'").match(WORD) ?? [];
}
const LETTER = /\p{L}/u;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * Letters in the text, and per script of `scripts` the letters written in it, in one pass; no
 * per-script counts when the text is plain ASCII, as most comments are.
 */
function countLetters(text: string): { letters: number; byScript?: number[] } {
  let letters = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) break;
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++; // | 0x20 folds A-Z onto a-z
  }
  if (i === text.length) return { letters };
  // Only the rest of a text with other characters is read per code point.
  const byScript = scripts.map(() => 0);
  for (const ch of text.slice(i)) {
    if (ch.charCodeAt(0) < 0x80) {
      if (ASCII_LETTER.test(ch)) letters++;
      continue;
    }
    if (!LETTER.test(ch)) continue;
    letters++;
    scripts.forEach(([, pattern], k) => {
      if (pattern.test(ch)) byScript[k] = (byScript[k] ?? 0) + 1;
    });
  }
  return { letters, byScript };
}

/** What the text's words say: letters (per script when not plain ASCII), words, function-word hits. */
interface TextEvidence {
  letters: number;
  byScript?: number[];
  words: number;
  /** Function words per language (indexes into `languageCodes`); one array reused for every comment. */
  languageHits: Int32Array;
}

const languageHits = new Int32Array(languageCodes.length);

/** The evidence read off the tokens: every letter of a text is in one of its tokens, so no rescan. */
function tokenEvidence(tokens: readonly Token[]): TextEvidence {
  // Read once: in the bundle a module's constants are variables, loaded and checked at every use.
  const hits = languageHits;
  const packedOf = packedEvidenceOf;
  const languageBits = LANGUAGE_BITS;
  const seeEvidence = SEE_EVIDENCE;
  hits.fill(0);
  let letters = 0;
  let byScript: number[] | undefined;
  for (const token of tokens) {
    const packed = packedOf.of(token);
    letters += packed >> languageBits;
    const code = packed & seeEvidence;
    if (code === 0) continue;
    if (code !== seeEvidence) {
      hits[code - 1] = (hits[code - 1] as number) + 1;
      continue;
    }
    const evidence = evidenceOf.of(token);
    for (const language of evidence.languages) hits[language] = (hits[language] as number) + 1;
    if (!evidence.byScript) continue;
    byScript ??= scripts.map(() => 0);
    for (let k = 0; k < byScript.length; k++)
      byScript[k] = (byScript[k] as number) + (evidence.byScript[k] as number);
  }
  return { letters, byScript, words: tokens.length, languageHits };
}

function textEvidence(text: string): TextEvidence {
  languageHits.fill(0);
  const words = wordsOf(text);
  for (const word of words) {
    for (const language of languagesByWord.get(word) ?? NO_LANGUAGES)
      languageHits[language] = (languageHits[language] as number) + 1;
  }
  return { ...countLetters(text), words: words.length, languageHits };
}

/** The language whose script holds more than 30% of the text's letters, if one does. */
function scriptLanguage(
  text: string,
  byScript: readonly number[],
  letters: number,
): LanguageResult | undefined {
  for (const [i, [code]] of scripts.entries()) {
    const scriptLetters = byScript[i] ?? 0;
    if (scriptLetters / letters <= 0.3) continue;
    const confidence = Math.round(Math.min(1, 0.6 + scriptLetters / letters / 2.5) * 100) / 100;
    // Ukrainian is Cyrillic with letters Russian does not use.
    return { code: code === 'ru' && UKRAINIAN_LETTERS.test(text) ? 'uk' : code, confidence };
  }
  return undefined;
}

/**
 * Detects the language of a comment: ISO 639-1 code, or `und` when there is nothing to go on.
 * Short Latin-script text with no other language's function words is taken for English with lower
 * confidence, because "Quick service" and "All good" are English survey answers. `tokens` are the
 * text's tokens when the caller has them already, to save splitting twice.
 */
export function detectLanguage(text: string, tokens?: readonly Token[]): LanguageResult {
  const {
    letters,
    byScript,
    words,
    languageHits: counts,
  } = tokens ? tokenEvidence(tokens) : textEvidence(text);
  if (letters === 0) return { code: 'und', confidence: 0 };
  // Only a text with letters beyond ASCII has counts by script: most comments make no iterator here.
  const byItsScript = byScript ? scriptLanguage(text, byScript, letters) : undefined;
  if (byItsScript) return byItsScript;
  // The two languages with most function words; ties go to English, then to the order of the list.
  let best = ENGLISH;
  let second = -1;
  for (let language = 0; language < counts.length; language++) {
    if (language === ENGLISH) continue;
    const count = counts[language] as number;
    if (count > (counts[best] as number)) {
      second = best;
      best = language;
    } else if (second < 0 || count > (counts[second] as number)) second = language;
  }
  const bestHits = counts[best] as number;
  const secondHits = counts[second] as number;
  if (bestHits === 0) return { code: 'en', confidence: words <= 4 ? 0.5 : 0.3 };
  const margin = (bestHits - secondHits) / bestHits;
  // A lone shared word ("a", "no") is weak evidence; English stays the default for ties.
  if (best !== ENGLISH && bestHits < 2 && counts[ENGLISH] === secondHits)
    return { code: 'en', confidence: 0.4 };
  const confidence = Math.round(Math.min(1, 0.5 + margin / 2 + bestHits / 20) * 100) / 100;
  return { code: languageCodes[best] as string, confidence };
}
