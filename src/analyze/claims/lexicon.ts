/**
 * A bilingual (English, Russian) lexicon of the events that histories of trials, purges and
 * political cases date: arrests, charges, trials, convictions, sentences, acquittals, pardons,
 * refusals of clemency, executions, deaths and killings, releases, rehabilitations, annulments,
 * confessions, letters, publications, announcements, awards, appointments, dismissals, escapes,
 * departures, burials, births, appeals, stays of execution, resignations, degradations.
 *
 * Each concept is written once as the forms its verbs and nouns take in either language, in any
 * voice and tense ("arrested", "is arrested", "arrests", "the arrest of", «арестован»,
 * «арестовали», «арест»), and says whose event it is: a patient's (what is done to a person: the
 * arrest of Vovsi) or an agent's (what a person does: Fuchs's confession). The extractor dates
 * each event found this way and keys it by its kind and participant, so that two sources dating
 * the same arrest of the same person are compared whatever words they use.
 *
 * Nothing here is tied to one corpus: the words are those of the genre (legal, political,
 * biographical narrative), not of any case. Pure.
 */

export type Role = 'patient' | 'agent';
export type Form = 'passive' | 'active' | 'noun';

export interface EventConcept {
  /** a key shared with the extractor's own event kinds where they overlap (arrest, execution, death, release, …) */
  kind: string;
  label: string;
  role: Role;
  /** may happen to one person more than once (arrests, letters, awards): dates years apart are two events, not a conflict */
  repeatable: boolean;
  /** verb forms (regular-expression source, no capture groups) */
  verb: string;
  /** noun forms that name the event ("the arrest of", «арест») */
  noun?: string;
  /** verb forms that name the event only in the passive ("was shot": an execution; "Nikolaev shot Kirov": not one) */
  passiveOnly?: string;
}

const L = '\\p{L}*';

export const EVENT_CONCEPTS: EventConcept[] = [
  {
    kind: 'arrest', label: 'arrest', role: 'patient', repeatable: true,
    verb: `arrest(?:s|ed)?|detain(?:s|ed)|apprehend(?:s|ed)|seized|captured|abducted|kidnapped|схвати(?:л|ла|ли)|схвачен(?:а|ы)?|похити(?:л|ла|ли)|похищен(?:а|ы)?|пойма(?:л|ли)|пойман(?:а|ы)?|(?:taken|took)\\s+into\\s+custody|(?:been\\s+)?(?:in\\s+custody|under\\s+arrest)\\s+since|(?:находил(?:ся|ась|ись)\\s+)?под\\s+стражей\\s+с|taken\\s+off\\s+(?:a|the)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?|(?:were|was)\\s+picked\\s+up|взяли|арестова${L}|арестовыва${L}|арестуют|задержа(?:н|л|ли)${L}|взят[аы]?\\s+под\\s+стражу|взяли\\s+под\\s+стражу`,
    noun: `arrest\\s+of|detention\\s+of|capture\\s+of|abduction\\s+of|поимк${L}|похищени${L}|арест(?:а|у|ом|е)?(?=\\s)|задержани${L}`,
  },
  {
    kind: 'charge', label: 'charge', role: 'patient', repeatable: true,
    verb: `charged|indicted|обвинил${L}|обвиня(?:ет|ют)|обвин[её]н(?:а|ы)?|предъявлен${L}\\s+обвинени${L}`,
    noun: `indictment\\s+of`,
  },
  {
    kind: 'trial-of', label: 'trial', role: 'patient', repeatable: true,
    verb: `tried|(?:went|goes|go|stood|stands|was\\s+brought|were\\s+brought|was\\s+put|were\\s+put)\\s+(?:on\\s+)?trial|суди(?:ли|ла|л)|суд(?:ит|ят)|предстал[аио]?\\s+перед\\s+судом|рассмотрел[аио]?\\s+(?:\\S+\\s+){0,4}?дело\\s+(?:по\\s+обвинению|в\\s+отношении)|heard\\s+the\\s+case\\s+(?:of|against)`,
    noun: `trial\\s+of|процесс${L}\\s+над|суд${L}\\s+над`,
  },
  {
    kind: 'conviction', label: 'conviction', role: 'patient', repeatable: true,
    verb: `convict(?:s|ed)|found\\s+(?:\\S+\\s+){0,3}?guilty|finds\\s+(?:\\S+\\s+){0,3}?guilty|осуди(?:л|ла|ли|т)|осужда(?:ет|ют)|осужд[её]н(?:а|ы)?|признал[аи]?\\s+(?:\\S+\\s+){0,3}?виновн${L}|призна[нё]т?[аы]?\\s+(?:\\S+\\s+){0,2}?виновн${L}`,
    noun: `conviction\\s+of|осуждени${L}`,
  },
  {
    kind: 'sentence', label: 'sentence', role: 'patient', repeatable: true,
    verb: `sentenc(?:es|ed)|condemn(?:s|ed)|приговори(?:л|ла|ли|т)|приговарива(?:ет|ют)|приговор[её]н(?:а|ы)?`,
  },
  {
    // a term received: "Sinyavsky receives seven years", «Даниэль получил пять лет» (the subject is the one sentenced)
    kind: 'sentence', label: 'sentence', role: 'agent', repeatable: true,
    verb: `(?:receiv(?:es|ed)|gets|got|drew|draws)(?=\\s+(?:\\S+\\s+){0,2}(?:years?|months?|life)(?![\\p{L}]))|(?:получил[аи]?|получает|получают)(?=\\s+(?:по\\s+)?(?:\\S+\\s+){0,2}(?:лет|года|год|месяц${L}|пожизненн${L}))`,
  },
  {
    kind: 'acquittal', label: 'acquittal', role: 'patient', repeatable: true,
    verb: `acquit(?:s|ted)|оправда(?:л|ла|ли|н|на|ны|ет|ют)|оправдыва(?:ет|ют)`,
    noun: `acquittal\\s+of|оправдани${L}`,
  },
  {
    kind: 'pardon', label: 'pardon', role: 'patient', repeatable: false,
    verb: `pardon(?:s|ed)|granted\\s+(?:\\S+\\s+)?(?:a\\s+)?pardon|помилова(?:л|ла|ли|н|на|ны)|милу(?:ет|ют)`,
    noun: `pardon\\s+of|помиловани${L}\\s+(?=\\p{Lu})`,
  },
  {
    kind: 'clemency-refused', label: 'refusal of clemency', role: 'agent', repeatable: true,
    verb: `(?:refused|refuses|denied|denies|declined|declines|rejected|rejects)\\s+(?:\\S+\\s+)?(?:clemency|(?:a|the)\\s+pardon|to\\s+intervene|(?:the\\s+|their\\s+|his\\s+)?(?:appeals?|petitions?|pleas?)\\s+for\\s+(?:clemency|mercy))|(?:отказал[аи]?|отказыва(?:ет|ют))\\s+(?:\\S+\\s+)?в\\s+помиловании|ответил[аи]?\\s+отказом|отклонил[аи]?\\s+(?:\\S+\\s+)?(?:прошени|просьб|ходатайств)${L}\\s+о\\s+помиловании`,
  },
  {
    // a plea for clemency made by the condemned themselves: "Eichmann never asked for clemency", «сам подал прошение о помиловании»
    kind: 'clemency-plea', label: 'plea for clemency', role: 'agent', repeatable: true,
    verb: `(?:asked|asks|appealed|appeals|petitioned|petitions|pleaded|pleads|begged|begs)\\s+for\\s+(?:clemency|mercy|a\\s+pardon)|sought\\s+(?:clemency|a\\s+pardon)|(?:подал|подала|подали|написал|написала|написали|направил|направила)\\s+(?:\\S+\\s+)?(?:прошени|ходатайств)${L}\\s+о\\s+помиловании|просил[аи]?\\s+о\\s+помиловании`,
  },
  {
    // giving oneself up: "gave himself up to the police", «явился в полицию», «В полицию добровольно является Торглер»
    kind: 'surrender', label: 'surrender', role: 'agent', repeatable: false,
    verb: `gave\\s+(?:himself|herself|themselves)\\s+up|giving\\s+(?:himself|herself)\\s+up|turned\\s+(?:himself|herself|themselves)\\s+in|surrendered\\s+to|(?:явил(?:ся|ась|ись)|явившийся|явившаяся|является|являются|пришёл|пришел|пришла)\\s+(?:сам\\s+|сама\\s+|добровольно\\s+)?(?:в\\s+полицию|в\\s+милицию|с\\s+повинной)|(?:в\\s+полицию|в\\s+милицию)\\s+(?:сам\\s+|добровольно\\s+)?(?:явил(?:ся|ась)|является)|сдал(?:ся|ась|ись)\\s+(?:полиции|властям)`,
  },
  {
    // testimony in court or under interrogation: "Göring gave evidence in person", «допрос Германа Геринга»
    kind: 'testimony', label: 'testimony', role: 'agent', repeatable: true,
    verb: `gave\\s+evidence|testified|took\\s+the\\s+(?:witness\\s+)?stand|(?:давал|дал)[аи]?\\s+показания`,
    noun: `testimony\\s+of|interrogation\\s+of|cross-examination\\s+of|допрос${L}\\s+(?=\\p{Lu})`,
  },
  {
    kind: 'commutation', label: 'commutation of the sentence', role: 'patient', repeatable: true,
    verb: `commut(?:es|ed)|замен(?:ил|ила|или|яет|яют|ён|ена|ены)\\s+(?:\\S+\\s+)?(?:смертн|расстрел|высш)${L}`,
    noun: `commutation\\s+of`,
  },
  {
    kind: 'execution', label: 'execution', role: 'patient', repeatable: false,
    verb: `execut(?:es|ed)|electrocuted|guillotined|hanged|put\\s+to\\s+death|казни(?:ли|л|ла)|казн(?:ят|ит)|расстрелива(?:ет|ют)|казн[её]н(?:а|ы)?|расстреля(?:ли|л|ла)|расстрелян(?:а|ы)?|повешен(?:а|ы)?|повеси(?:л|ли)(?![\\p{L}])|beheaded|decapitated|guillotined|обезглавлен(?:а|ы)?|отрубили\\s+голову|привед[её]н\\s+в\\s+исполнение|приведены\\s+в\\s+исполнение`,
    passiveOnly: `shot|carried\\s+out`,
    noun: `execution\\s+of|казн(?:ь|и)\\s+(?=\\p{Lu})|расстрел(?:а|е)?\\s+(?=\\p{Lu})`,
  },
  {
    kind: 'death', label: 'death', role: 'agent', repeatable: false,
    verb: `died|dies|passed\\s+away|perished|took\\s+(?:his|her|their)\\s+own\\s+li(?:fe|ves)|committed\\s+suicide|(?:killed|shot|hanged)\\s+(?:himself|herself)|покончил[аи]?\\s+(?:с\\s+собой|жизнь\\s+самоубийством)|застрелил(?:ся|ась)|повесил(?:ся|ась)|(?:was|were|is|are)\\s+found\\s+dead|found\\s+(?:\\S+\\s+)?dead|умер(?:ла|ли)?|умира(?:ет|ют)|погиба(?:ет|ют)|скончал(?:ся|ась|ись)|погиб(?:ла|ли)?|(?:найден|нашли)\\s+(?:\\S+\\s+)?м[её]ртв${L}`,
    noun: `death\\s+of|смерть\\s+(?=\\p{Lu})|смерти\\s+(?=\\p{Lu})|гибел${L}\\s+(?=\\p{Lu})`,
  },
  {
    // a killing is a death: "the murder of Kirov" and "Kirov died" date one event
    kind: 'death', label: 'killing', role: 'patient', repeatable: false,
    verb: `murder(?:s|ed)|assassinat(?:es|ed)|killed|kills|lynch(?:es|ed)|уби(?:л|ла|ли|т|та|ты)(?![\\p{L}])|линчева${L}|линчу(?:ет|ют)|убива(?:ет|ют)`,
    noun: `murder\\s+of|assassination\\s+of|lynching\\s+of|killing\\s+of|убийств${L}\\s+(?=\\p{Lu})|линчевани${L}`,
  },
  {
    kind: 'release', label: 'release', role: 'patient', repeatable: true,
    verb: `releas(?:es|ed)|freed|set\\s+free|(?:came|come|comes|walked|walks)\\s+out\\s+of\\s+(?:prison|jail|the\\s+camp)|освободи(?:л|ла|ли|лся|лась|т)|освобожда(?:ет|ют|ется|ются)|выход(?:ит|ят)\\s+на\\s+свободу|освобожд[её]н(?:а|ы)?|выпуска(?:ет|ют)|выпустили|отпусти(?:л|ла|ли)|отпущен(?:а|ы)?|walk(?:ed|s)?\\s+free|вышел\\s+на\\s+свободу|вышла\\s+на\\s+свободу|выпущен(?:а|ы)?`,
    noun: `release\\s+of|освобождени${L}`,
  },
  {
    kind: 'rehabilitation', label: 'rehabilitation', role: 'patient', repeatable: false,
    verb: `rehabilitat(?:es|ed)|exonerat(?:es|ed)|cleared\\s+(?:\\S+\\s+)?names?|реабилитирова(?:л|ла|ли|н|на|ны)|реабилитиру(?:ет|ют)`,
    noun: `rehabilitation\\s+of|exoneration\\s+of|реабилитаци${L}`,
  },
  {
    kind: 'annulment', label: 'annulment of the verdict', role: 'patient', repeatable: true,
    verb: `quash(?:es|ed)|annull?(?:s|ed)|revok(?:es|ed)|rescind(?:s|ed)|overturn(?:s|ed)|set\\s+aside|revers(?:es|ed)\\s+(?:the|his|her|their)\\s+(?:conviction|verdict|sentence)|отмени(?:л|ла|ли|т)|отменя(?:ет|ют)|отмен[её]н(?:а|ы)?|аннулирова${L}`,
  },
  {
    kind: 'confession', label: 'confession', role: 'agent', repeatable: true,
    verb: `confess(?:es|ed)|admit(?:s|ted)\\s+(?:to\\s+|that\\s+|having\\s+)|призна(?:лся|лась|лись|ётся|ется)|созна(?:лся|лась|лись|ётся|ется)`,
    noun: `confession\\s+of|признани${L}\\s+(?=\\p{Lu})`,
  },
  {
    kind: 'letter', label: 'letter', role: 'agent', repeatable: true,
    verb: `wr(?:ote|ites)\\s+(?:a\\s+|an\\s+|the\\s+|his\\s+|her\\s+|their\\s+)?(?:\\S+\\s+){0,2}?(?:letter|note|memorandum|denunciation|report|complaint)|wr(?:ote|ites)\\s+to|(?:sent|sends)\\s+(?:a\\s+|an\\s+|the\\s+|his\\s+|her\\s+)(?:\\S+\\s+)?(?:letter|note|telegram|denunciation)|написал[аи]?(?![\\p{L}])|пиш(?:ет|ут)(?=\\s+(?:\\S+\\s+){0,2}(?:письмо|записку|донос|заявление|в\\s|на\\s|\\p{Lu}))|(?:отправил|послал|направил)[аи]?\\s+(?:\\S+\\s+){0,2}?(?:письмо|записку|телеграмму|донос|заявление)`,
  },
  {
    kind: 'publication', label: 'publication', role: 'agent', repeatable: true,
    verb: `publish(?:es|ed)|print(?:s|ed)|опубликова(?:л|ла|ли|но|н|на|ны|нн${L})|напечатанн${L}|публику(?:ет|ют)|печата(?:ет|ют)|напечата(?:л|ла|ли|но|н|на|ны)`,
    noun: `publication\\s+of|публикаци${L}`,
  },
  {
    kind: 'announcement', label: 'announcement', role: 'agent', repeatable: true,
    verb: `announc(?:es|ed)|proclaim(?:s|ed)|reported\\s+to|доложил[аи]?(?![\\p{L}])|issued\\s+(?:a\\s+|an\\s+|the\\s+)?(?:\\S+\\s+)?(?:proclamation|statement|communiqu[eé]|decree)|объяви(?:л|ла|ли|ло)|объявля(?:ет|ют)|сообща(?:ет|ют)|сообщил[аио]?|провозгласи(?:л|ла|ли)`,
    noun: `announcement\\s+of|proclamation\\s+of|сообщени${L}\\s+(?=\\p{Lu})`,
  },
  {
    kind: 'award', label: 'award', role: 'patient', repeatable: true,
    verb: `award(?:s|ed)|decorated|(?:received|receives|won|wins)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:\\S+\\s+){0,2}?(?:Order|Prize|[Mm]edal)|награди(?:л|ла|ли)|награжда(?:ет|ют)|награжд[её]н(?:а|ы)?|(?:получил|удостоен)[аи]?\\s+(?:\\S+\\s+){0,2}?(?:орден|преми|медал)${L}|(?:орден|премию|медаль)\\s+(?:\\S+\\s+){0,3}?получил[аи]?`,
  },
  {
    kind: 'appointment', label: 'appointment', role: 'patient', repeatable: true,
    verb: `appoint(?:s|ed)|назначен(?:а|ы)?|назначил[аи]?|назнача(?:ет|ют)`,
    noun: `appointment\\s+of`,
  },
  {
    kind: 'dismissal', label: 'dismissal or expulsion', role: 'patient', repeatable: true,
    verb: `dismissed|removed\\s+(?:as|from\\s+(?:\\S+\\s+){0,2}?(?:post|office|posts|command|the\\s+Party|the\\s+party))|expelled|relieved\\s+of|снят[аы]?\\s+с\\s+(?:\\S+\\s+)?(?:пост|должност)${L}|сняли\\s+с|исключ[её]н(?:а|ы)?|исключили|исключа(?:ет|ют)|увольня(?:ет|ют)|снима(?:ет|ют)\\s+с\\s+(?:\\S+\\s+)?(?:пост|должност)${L}|уволен(?:а|ы)?|отстран[её]н(?:а|ы)?`,
  },
  {
    kind: 'escape', label: 'escape', role: 'agent', repeatable: true,
    verb: `escaped|fled|бежал[аи]?(?![\\p{L}])|сбежал[аи]?`,
    noun: `escape\\s+of|побег${L}`,
  },
  {
    kind: 'departure', label: 'departure', role: 'agent', repeatable: true,
    verb: `left\\s+for|depart(?:s|ed)\\s+(?:for|from)|emigrated|уехал[аи]?|уезжа(?:ет|ют)|выехал[аи]?|эмигрировал[аи]?`,
  },
  {
    kind: 'burial', label: 'burial', role: 'patient', repeatable: true,
    verb: `(?:re)?buried|похоронен(?:а|ы)?|похоронили|хорон(?:ят|ит)|перезахоронен(?:а|ы)?|перезахоронили`,
    noun: `(?:re)?burial\\s+of|funeral\\s+of|(?:пере)?(?:захоронени|похорон)${L}`,
  },
  {
    kind: 'birth', label: 'birth', role: 'agent', repeatable: false,
    verb: `(?:was|is)\\s+born|родил(?:ся|ась)`,
  },
  {
    kind: 'appeal', label: 'appeal', role: 'agent', repeatable: true,
    verb: `appeal(?:s|ed)\\s+(?:to|against)|lodged\\s+(?:an\\s+)?appeal|обжалова(?:л|ла|ли)|подал[аи]?\\s+(?:\\S+\\s+)?(?:апелляци|кассационн|жалоб)${L}`,
  },
  {
    // (the appellant is the one it happens to: "the Supreme Court rejected Frank's appeal", «отклоняет жалобу Франка»)
    kind: 'appeal-rejected', label: 'rejection of the appeal', role: 'patient', repeatable: true,
    verb: `(?:rejected|rejects|dismissed|dismisses|denied|denies|turned\\s+down)\\s+(?:[\\p{L}'’]+\\s+){0,3}?(?:appeal|petition|plea)s?|отклони(?:л|ла|ли)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:жалоб|апелляци|кассаци|ходатайств)${L}|отклоня(?:ет|ют)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:жалоб|апелляци|кассаци|ходатайств)${L}`,
  },
  {
    // an attack on a person that did not kill them: "a fellow prisoner cut Frank's throat", «Крин ранит Франка ножом»
    kind: 'attack', label: 'attack', role: 'patient', repeatable: true,
    verb: `stabbed|slashed|cut\\s+(?:\\p{Lu}[\\p{L}'’]+\\s+|his\\s+|her\\s+)throat|wounded|рани(?:л|ла|ли|т)|ранен(?:а|ы)?|пырнул[аи]?`,
  },
  {
    kind: 'stay', label: 'stay of execution', role: 'agent', repeatable: true,
    verb: `(?:granted|grants|ordered|orders)\\s+(?:a\\s+)?stay|postponed\\s+the\\s+execution|отсрочил[аи]?\\s+(?:\\S+\\s+)?(?:исполнени|казн)${L}`,
    noun: `stay\\s+of\\s+execution`,
  },
  {
    kind: 'resignation', label: 'resignation', role: 'agent', repeatable: true,
    verb: `resign(?:s|ed)|(?:подал|ушёл|ушел)[аи]?\\s+в\\s+отставку`,
  },
  {
    kind: 'degradation', label: 'degradation', role: 'patient', repeatable: false,
    verb: `degraded|stripped\\s+of\\s+(?:his|her)\\s+(?:rank|epaulettes|insignia)|разжалова(?:л|ли|н|на)`,
    noun: `degradation\\s+of|разжаловани${L}`,
  },
];

/** the kinds whose events may happen to one person more than once (dates years apart are two events) */
export const REPEATABLE_KINDS = new Set(EVENT_CONCEPTS.filter((c) => c.repeatable).map((c) => c.kind));

export interface Trigger {
  /** offset in the string searched */
  index: number;
  length: number;
  concept: EventConcept;
  form: Form;
}

// (up to three words between: "was this morning sentenced", "were on 1 October shot"; not a relative clause: "was the man who arrested")
const BE_BEFORE = /(?:\b(?:was|were|is|are|be|been|being|get|gets|got)|(?<![\p{L}])(?:был|была|были|было|будет|будут))\s+(?:(?!(?:who|that|which|whom|and|but|когда|который|которая|которые|и|но)\s)[^\s,.;:]+\s+){0,3}$/iu;
/**
 * A reduced passive, as headlines, chronologies and captions write it: a name, then a past participle with no object after it
 * ("12 December 1961 — Eichmann sentenced to death", "Beria arrested at a Presidium meeting", "Lozovsky arrested.").
 */
const REDUCED_PASSIVE = /^[a-z]+(?:ed|en|wn|ot|ung)$/iu;
const REDUCED_AFTER = /^(?:\s*(?:[.;:)]|$|—|–)|\s+(?:at|in|on|by|to|near|after|before|for|from|with|without|during|together|along|as|while|under|outside|inside|following)\b)/iu;
// (-ит only after б, в, л, ш: убит, налит; «ранит», «казнит» are the present tense)
const RU_PARTICIPLE = /(?:[её]н|ан|ян|[бвлш]ит|ут|ыт|ен)(?:а|о|ы)?$/iu;

/**
 * The literal beginnings of a pattern's alternatives ("arrest(?:s|ed)?|detain…" → arrest, detain), lowercased: a clause that
 * holds none of them cannot match, and the pattern is not run on it. Null when some alternative opens with no literal.
 */
function literalHeads(src: string): string[] | null {
  const alts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      cur += ch + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alts.push(cur);
      cur = '';
    } else cur += ch;
  }
  alts.push(cur);
  const heads = alts.map((a) => /^[\p{L}-]+/u.exec(a)?.[0] ?? '').map((h) => h.toLowerCase().slice(0, Math.max(0, h.length - 1)));
  return heads.every((h) => h.length >= 3) ? heads : null;
}

const compiled = EVENT_CONCEPTS.map((c) => ({
  c,
  heads: ((v, n) => (v && (c.noun === undefined || n) ? [...v, ...(n ?? [])] : null))(literalHeads(c.verb), c.noun === undefined ? [] : literalHeads(c.noun)),
  verb: new RegExp(`(?<![\\p{L}])(?:${c.verb})(?![\\p{L}])`, 'giu'),
  passiveOnly: c.passiveOnly ? new RegExp(`(?<![\\p{L}])(?:${c.passiveOnly})(?![\\p{L}])`, 'giu') : null,
  noun: c.noun ? new RegExp(`(?<![\\p{L}])(?:${c.noun})`, 'giu') : null,
}));

/** a verb of receiving: its subject is the one the event happens to, as in the passive ("Timashuk received the Order", «орден получила Тимашук») */
const UNDERGO = /^(?:received|receives|won|wins|got|gets|получил[аи]?|получает|удостоен[аы]?)\s|(?<![\p{L}])получил[аи]?$|^walk(?:ed|s)?\s+free$|^(?:came|comes|come|walked|walks)\s+out\s+of|^(?:выход(?:ит|ят)|вышл?[аи]?|вышел)\s+на\s+свободу$|^(?:been\s+)?(?:in\s+custody|under\s+arrest)\s+since$/iu;

/**
 * The event words of a stretch of text, each with its concept and form: passive ("was arrested",
 * «арестован», "Ethel Rosenberg is arrested"), active ("Kaufman sentenced them", «арестовали
 * Вовси»), or a noun ("the arrest of Vovsi", «арест Вовси»). Overlapping matches keep the longest.
 */
export function findTriggers(s: string): Trigger[] {
  const found: Trigger[] = [];
  const lower = s.toLowerCase();
  for (const { c, heads, verb, noun, passiveOnly } of compiled) {
    if (heads && !heads.some((h) => lower.includes(h)) && !(passiveOnly && (passiveOnly.lastIndex = 0, passiveOnly.test(s)))) continue;
    for (const re of [noun, verb, passiveOnly]) {
      if (!re) continue;
      re.lastIndex = 0;
      for (const m of s.matchAll(re)) {
        const w = m[0];
        const before = s.slice(Math.max(0, m.index! - 40), m.index!);
        // (a Russian reflexive verb has no object: «освободился», «признался»; its subject is the one it happens to)
        const after = s.slice(m.index! + w.length, m.index! + w.length + 30);
        const form: Form = re === noun ? 'noun' : (c.role === 'patient' && UNDERGO.test(w)) || BE_BEFORE.test(before) || (c.role === 'patient' && REDUCED_PASSIVE.test(w) && REDUCED_AFTER.test(after) && /\p{Lu}[\p{L}'’.-]*\s*$/u.test(before)) || /(?:ся|сь)$/iu.test(w) || /^(?:was|is)\s+born$|^found\s+(?:\S+\s+)?dead$/iu.test(w) || (/[а-яё]$/iu.test(w) && RU_PARTICIPLE.test(w) && !/ли$/iu.test(w)) || /^\s+by\s/iu.test(s.slice(m.index! + w.length, m.index! + w.length + 4)) ? 'passive' : 'active';
        if (re === passiveOnly && form !== 'passive') continue;
        found.push({ index: m.index!, length: w.length, concept: c, form });
      }
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: Trigger[] = [];
  for (const t of found) {
    const last = out[out.length - 1];
    if (last && t.index < last.index + last.length) continue;
    out.push(t);
  }
  return out;
}
