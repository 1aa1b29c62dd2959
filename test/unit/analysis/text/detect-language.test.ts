import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../lib/analysis/text/detect-language.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const samples: Array<[code: string, text: string]> = [
  ['es', 'La entrega llegó tarde y nadie contestó el teléfono'],
  ['fr', "La livraison était en retard et personne n'a répondu au téléphone"],
  ['de', 'Die Lieferung kam zu spät und niemand ist ans Telefon gegangen'],
  ['it', 'La consegna è arrivata in ritardo e nessuno ha risposto al telefono'],
  ['pt', 'A entrega chegou atrasada e ninguém atendeu o telefone'],
  ['nl', 'De levering was te laat en niemand nam de telefoon op'],
  ['sv', 'Leveransen var sen och ingen svarade i telefonen'],
  ['da', 'Leveringen var forsinket og ingen tog telefonen'],
  ['no', 'Jeg har ikke fått pakken ennå og ingen svarer'],
  ['fi', 'Toimitus oli myöhässä eikä kukaan vastannut puhelimeen'],
  ['pl', 'Dostawa była opóźniona i nikt nie odbierał telefonu'],
  ['cs', 'Dodávka přišla pozdě a nikdo nebral telefon'],
  ['ro', 'Livrarea a întârziat și nimeni nu a răspuns la telefon'],
  ['hu', 'A szállítás késett és senki nem vette fel a telefont'],
  ['tr', 'Teslimat geç geldi ve kimse telefona cevap vermedi'],
  ['id', 'Pengiriman terlambat dan tidak ada yang menjawab telepon'],
  ['vi', 'Giao hàng bị trễ và không ai trả lời điện thoại'],
  ['ru', 'Доставка опоздала и никто не отвечал на звонки'],
  ['uk', 'Доставка запізнилася і ніхто не відповідав'],
  ['ja', '配達が遅れて、誰も電話に出ませんでした'],
  ['zh', '送货晚了，没有人接电话'],
  ['ko', '배송이 늦었고 아무도 전화를 받지 않았습니다'],
  ['ar', 'تأخر التوصيل ولم يرد أحد على الهاتف'],
  ['he', 'המשלוח איחר ואף אחד לא ענה לטלפון'],
  ['el', 'Η παράδοση καθυστέρησε και κανείς δεν απάντησε'],
  ['th', 'การจัดส่งล่าช้าและไม่มีใครรับโทรศัพท์'],
  ['hi', 'डिलीवरी देर से हुई और किसी ने फोन नहीं उठाया'],
];

describe('detectLanguage', () => {
  it.each(samples)('detects %s', (code, text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    ['The delivery was late and nobody answered the phone'],
    ['Easy'],
    ['Quick service'],
    ['All good'],
    ['No probs'],
    ['Not happy at all'],
    ['Customer service was terrible'],
    ['Great service, merci beaucoup to the team who sorted it'],
    // English words that are also Polish, Czech or Portuguese function words ("to", "do", "by").
    ['Easy to do'],
    ['Easy to pay by direct debit'],
    ['Where do I start.'],
  ])('takes short or mixed CX English "%s" for English', (text) => {
    expect(detectLanguage(text).code).toBe('en');
  });

  it('is more confident about a full English sentence than a single word', () => {
    expect(
      detectLanguage('I have been waiting for the engineer and nobody has called me').confidence,
    ).toBeGreaterThan(detectLanguage('Easy').confidence);
  });

  it.each([[''], ['😡😡'], ['12345'], ['!!! ???']])('gives und for %j', (text) => {
    expect(detectLanguage(text)).toEqual({ code: 'und', confidence: 0 });
  });

  it("reads the same from the tokenizer's tokens as from the text alone", () => {
    const texts = [
      ...samples.map(([, text]) => text),
      'Mixed: the engineer was late, доставка опоздала 😡 and 配達が遅れて',
      'Café “OK” – £45… didn’t call',
      'ΑΒΓ abc',
      '',
    ];
    for (const text of texts)
      expect(detectLanguage(text, tokenize(text)), text).toEqual(detectLanguage(text));
  });
});
