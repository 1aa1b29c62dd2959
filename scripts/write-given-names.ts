/**
 * Writes lib/analysis/privacy/given-name-list.json: the given names that redaction replaces wherever they
 * are written as a name, with no cue around them ("Thank you Priya", "spoke to Gemma on Tuesday").
 *
 * The names are @faker-js/faker's first names (MIT) of the English-speaking locales (India, Nigeria and
 * South Africa among them) and of Polish, with `MORE_GIVEN_NAMES`, written in
 * ASCII ("José" as "Jose": redaction compares names without their accents). A name that is also an
 * English word in lower case (Hunspell's en_US dictionary, package dictionary-en: "Mark", "Will",
 * "Grace", "Sky", "Virgin", "Chase") is left out: written capitalised it is as often a word at a
 * sentence's start or a brand, and only a cue tells it is a name (see `given-names.ts`). So are the
 * names of countries, states and counties, and the words in `NOT_GIVEN_NAMES` below. The list is
 * front-coded (see `front-coding.ts`) and packed (`packed-data.ts`), 16 -> 11 KB: every Lambda bundle
 * carries it, and the ingest function's must stay under 1 MB.
 * Run with `npm run build:given-names`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';
import dictionaryEn from 'dictionary-en';
import { packJson } from '../lib/analysis/packed-data.js';
import { withoutAccents } from '../lib/analysis/privacy/bare-given-names.js';
import { frontCode } from '../lib/analysis/privacy/front-coding.js';

// Months and days, parts of the world and cities a customer travels to, peoples and faiths, assistants
// and brands, and contractions written without their apostrophe: capitalised, but no person. A city that
// is as often a name ("Austin", "Charlotte", "Florence") stays a name.
const NOT_GIVEN_NAMES = new Set(
  `January February March April May June July August September October November December Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday Asia Africa Europe America Americas Oceania Arctic Atlantic
  Pacific German French Spanish Italian Dutch Polish Irish Scottish Welsh English British American Indian
  Chinese Japanese Korean Russian Turkish Greek Arab Arabic Islam Christian Christians Muslim Jewish Hindu
  Sikh Catholic Easter Christmas Diwali Eid Hanukkah Ramadan Alexa Siri Cortana Bixby Google Chanel Macy
  Ive Im Id Ill Youre Theyre Dont Cant Wont Didnt Isnt Aren Per Neo Vive Via Tal London Paris Sydney
  Dallas Houston Orlando Milan Vienna Geneva Adelaide Hobart Darwin Brooklyn Camden Chelsea Lincoln Chester
  Preston Richmond Raleigh Lafayette Irving Carolina Dakota Mercedes Zara Hilton Avis Sixt Lexus Nando
  Rogers`.split(/\s+/),
);

// Names common among the customers and staff of UK, Irish and international services that faker's lists
// lack: Irish, Welsh and Scottish; South Asian; West African; East and South-East Asian. Without their
// accents, as the list keeps them ("Siân" is looked up as "Sian").
const MORE_GIVEN_NAMES = `Siobhan Niamh Aoife Saoirse Oisin Eoin Sinead Roisin Grainne
  Orla Caoimhe Cormac Ciaran Darragh Eimear Fionnuala Lorcan Tadhg Padraig Ruairi Aisling
  Clodagh Dervla Eabha Fiadh Mairead Nuala Oonagh Sorcha Una Rhys Dafydd Sian Bethan Bronwen
  Cerys Gareth Gethin Llinos Meinir Nerys Owain Alun Emyr Ffion Eleri Geraint Huw Iestyn Rhodri Steffan
  Kirsty Shona Ailsa Fraser Morag Mhairi Iain Euan Struan Catriona Eilidh Ishbel Murdo Torquil Fergus
  Lachlan Kenzie Alasdair Nisha Deepak Rajesh Ankit Vikram Ayesha Tariq Sunil Suresh Ramesh Mahesh
  Dinesh Ganesh Harish Manish Nilesh Pradeep Praveen Rakesh Sandeep Santosh Satish Shailesh Vijay Vinod
  Anjali Deepa Divya Geeta Kavita Lakshmi Meena Nirmala Pooja Preeti Rekha Sangeeta Shweta Smita Swati
  Usha Gurpreet Harpreet Jaspreet Manpreet Simran Balvinder Parminder Kuldeep Naveed Shahid Shahzad Asif
  Faisal Irfan Junaid Kashif Rizwan Saima Shabana Shazia Tahira Uzma Nasreen Rukhsana Farhana Chidi
  Chioma Ngozi Tunde Femi Bola Adaeze Chiamaka Chinedu Chukwuemeka Ifeoma Obinna Oluwaseun Olumide Temitope
  Yetunde Funmilayo Kehinde Taiwo Ebere Nnamdi Uchenna Ama Akosua Kwabena Yaw Esi Adwoa Thabo Sipho
  Lerato Nomsa Wei Mei Jing Hui Xin Hao Jun Hyun Thanh Linh Anh Duc Huong Quang Tuan Minh Trang Hoa Lan
  Haruto Yuki Hiroshi Kenji Sakura Aiko Takeshi Jia Xiao Ming Ying Zhen Zhang Chen Yong Kyung Seung Eun`.split(
  /\s+/,
);

const NAME_LOCALES = new Set(`en en_AU en_CA en_GB en_IE en_US en_IN en_NG en_ZA pl`.split(/\s+/));

type Nested = string | readonly Nested[] | { readonly [key: string]: Nested } | null | undefined;

function strings(value: Nested): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item: Nested) => strings(item));
  if (value && typeof value === 'object') return Object.values(value).flatMap((item) => strings(item));
  return [];
}

const dictionary = new TextDecoder().decode(dictionaryEn.dic);
const lowerCaseWords = new Set(
  dictionary
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0] ?? '')
    .filter((word) => /^\p{Ll}+$/u.test(word)),
);

const places = new Set<string>();
const candidates = new Set<string>();
for (const [code, locale] of Object.entries(allLocales)) {
  const { location, person } = locale as {
    location?: Record<string, Nested>;
    person?: Record<string, Nested>;
  };
  for (const key of ['country', 'state', 'county'])
    for (const place of strings(location?.[key])) places.add(withoutAccents(place));
  if (!NAME_LOCALES.has(code)) continue;
  for (const name of strings(person?.first_name)) candidates.add(withoutAccents(name));
}
for (const name of MORE_GIVEN_NAMES) candidates.add(withoutAccents(name));

const names = [...candidates]
  .filter(
    (name) =>
      /^[A-Z][a-z]{2,}$/.test(name) &&
      !lowerCaseWords.has(name.toLowerCase()) &&
      !places.has(name) &&
      !NOT_GIVEN_NAMES.has(name),
  )
  .sort();
const target = fileURLToPath(new URL('../lib/analysis/privacy/given-name-list.json', import.meta.url));
writeFileSync(
  target,
  `${JSON.stringify({
    source:
      '@faker-js/faker first names (MIT) and scripts/write-given-names.ts MORE_GIVEN_NAMES, less English words (dictionary-en, MIT AND BSD), places and NOT_GIVEN_NAMES; front-coded (lib/analysis/privacy/front-coding.ts) and packed (lib/analysis/packed-data.ts)',
    ...packJson(frontCode(names)),
  })}\n`,
);
console.log(`wrote ${target}: ${names.length} names`);
