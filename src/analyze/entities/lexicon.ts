/**
 * Word lists the mention tagger uses as cues. They are general knowledge about English and
 * Russian text (titles, given names and their cross-language forms, organization heads,
 * function words), not lists of the people of any one corpus: names are found by cues,
 * morphology and what the corpus teaches, and these lists only supply the cues.
 */

/** Given-name groups: spellings of one name across languages and schemes. First is canonical. */
export const GIVEN_NAME_GROUPS: Array<{ names: string[]; female?: boolean }> = [
  { names: ['Grigory', 'Gregory', 'Grigorii', 'Grigori', 'Grigoriy', 'Gregor', 'Grégoire', 'Grigorij', 'Григорий'] },
  { names: ['Nikolai', 'Nikolay', 'Nickolai', 'Nicholas', 'Nicolas', 'Nikolaj', 'Nicolai', 'Nikolaus', 'Niccolò', 'Николай'] },
  { names: ['Lev', 'Leon', 'Léon', 'Leo', 'Лев'] },
  { names: ['Iosif', 'Joseph', 'Josef', 'Josif', 'Józef', 'Joe', 'Иосиф'] },
  { names: ['Osip', 'Осип'] },
  { names: ['Yuri', 'Yury', 'Yurii', 'Iurii', 'Iuri', 'Juri', 'Jurij', 'Youri', 'Юрий'] },
  { names: ['Georgy', 'Georgi', 'Georgii', 'George', 'Georg', 'Georges', 'Георгий'] },
  { names: ['Mikhail', 'Michael', 'Michail', 'Michel', 'Mikhael', 'Михаил'] },
  { names: ['Aleksandr', 'Alexander', 'Aleksander', 'Alexandr', 'Alexandre', 'Alessandro', 'Александр'] },
  { names: ['Aleksei', 'Alexei', 'Alexey', 'Aleksey', 'Alexis', 'Aleksej', 'Алексей'] },
  { names: ['Andrei', 'Andrey', 'Andrew', 'André', 'Andrej', 'Андрей'] },
  { names: ['Karl', 'Carl', 'Karol', 'Charles', 'Карл'] },
  { names: ['Genrikh', 'Henrikh', 'Henry', 'Heinrich', 'Henri', 'Genrich', 'Генрих'] },
  { names: ['Vyacheslav', 'Viacheslav', 'Wjatscheslaw', 'Вячеслав'] },
  { names: ['Lavrenty', 'Lavrentiy', 'Lavrenti', 'Lavrentii', 'Лаврентий'] },
  { names: ['Kliment', 'Clement', 'Klement', 'Климент'] },
  { names: ['Sergei', 'Sergey', 'Serge', 'Sergius', 'Sergej', 'Сергей'] },
  { names: ['Pyotr', 'Petr', 'Peter', 'Piotr', 'Pierre', 'Pietro', 'Пётр', 'Петр'] },
  { names: ['Pavel', 'Paul', 'Павел'] },
  { names: ['Ivan', 'Iwan', 'Иван'] },
  { names: ['Yakov', 'Iakov', 'Jacob', 'Jakob', 'Jakov', 'Яков'] },
  { names: ['Semyon', 'Semen', 'Semion', 'Simon', 'Семён', 'Семен'] },
  { names: ['Vasily', 'Vasili', 'Vasilii', 'Vasiliy', 'Basil', 'Wassily', 'Василий'] },
  { names: ['Fyodor', 'Fedor', 'Feodor', 'Theodore', 'Fiodor', 'Фёдор', 'Федор'] },
  { names: ['Dmitry', 'Dmitri', 'Dmitrii', 'Dimitri', 'Dimitry', 'Дмитрий'] },
  { names: ['Yevgeny', 'Evgeny', 'Evgenii', 'Yevgeni', 'Eugene', 'Eugen', 'Евгений'] },
  { names: ['Khristian', 'Christian', 'Christian', 'Христиан'] },
  { names: ['Avel', 'Abel', 'Авель'] },
  { names: ['Moisei', 'Moisey', 'Moses', 'Моисей'] },
  { names: ['Arkady', 'Arkadii', 'Arkadi', 'Arkadiy', 'Аркадий'] },
  { names: ['Leonid', 'Леонид'] },
  { names: ['Boris', 'Борис'] },
  { names: ['Vladimir', 'Wladimir', 'Владимир'] },
  { names: ['Valerian', 'Валериан'] },
  { names: ['Konstantin', 'Constantine', 'Konstantine', 'Константин'] },
  { names: ['Anatoly', 'Anatolii', 'Anatoli', 'Анатолий'] },
  { names: ['Nikita', 'Никита'] },
  { names: ['Maksim', 'Maxim', 'Максим'] },
  { names: ['Feliks', 'Felix', 'Феликс'] },
  { names: ['Filipp', 'Philip', 'Philipp', 'Philippe', 'Filip', 'Филипп'] },
  { names: ['Stepan', 'Stephen', 'Steven', 'Stefan', 'Степан'] },
  { names: ['Matvei', 'Matvey', 'Matthew', 'Матвей'] },
  { names: ['Yemelyan', 'Emelian', 'Emelyan', 'Емельян'] },
  { names: ['Ilya', 'Ilia', 'Илья'] },
  { names: ['Yan', 'Jan', 'Ян'] },
  { names: ['Ignaty', 'Ignatius', 'Игнатий'] },
  { names: ['Eduard', 'Edward', 'Эдуард'] },
  { names: ['Vsevolod', 'Всеволод'] },
  { names: ['Valentin', 'Валентин'] },
  { names: ['Vissarion', 'Виссарион'] },
  { names: ['Anastas', 'Анастас'] },
  { names: ['Lazar', 'Lazarus', 'Лазарь'] },
  { names: ['Martemyan', 'Martemian', 'Мартемьян'] },
  { names: ['Ivar', 'Ивар'] },
  { names: ['Roman', 'Роман'] },
  { names: ['Oleg', 'Олег'] },
  { names: ['Igor', 'Игорь'] },
  { names: ['Viktor', 'Victor', 'Виктор'] },
  { names: ['Vadim', 'Вадим'] },
  { names: ['Anna', 'Ann', 'Anne', 'Анна'], female: true },
  { names: ['Maria', 'Mariya', 'Mary', 'Marie', 'Мария'], female: true },
  { names: ['Olga', 'Ольга'], female: true },
  { names: ['Yelena', 'Elena', 'Helen', 'Helena', 'Hélène', 'Елена'], female: true },
  { names: ['Yekaterina', 'Ekaterina', 'Catherine', 'Katharina', 'Екатерина'], female: true },
  { names: ['Nadezhda', 'Nadejda', 'Надежда'], female: true },
  { names: ['Natalia', 'Natalya', 'Natalie', 'Наталья', 'Наталия'], female: true },
  { names: ['Tatiana', 'Tatyana', 'Татьяна'], female: true },
  { names: ['Milda', 'Мильда'], female: true },
  { names: ['Zinaida', 'Зинаида'], female: true },
  { names: ['Lyudmila', 'Ludmila', 'Людмила'], female: true },
  { names: ['Yevgenia', 'Evgenia', 'Eugenia', 'Евгения'], female: true },
  { names: ['Larisa', 'Larissa', 'Лариса'], female: true },
  { names: ['Irina', 'Ирина'], female: true },
  { names: ['Sofia', 'Sophia', 'Sofya', 'Софья', 'София'], female: true },
  { names: ['Vera', 'Вера'], female: true },
  { names: ['Galina', 'Галина'], female: true },
  { names: ['Nina', 'Нина'], female: true },
  { names: ['Valentina', 'Валентина'], female: true },
  { names: ['Lidia', 'Lidiya', 'Lydia', 'Лидия'], female: true },
];

/** Given names without cross-language variants worth listing (English, German, French, other) */
export const OTHER_GIVEN_NAMES = `Aaron Abraham Adam Adolf Adolph Adrian Albert Alan Alfred Alice Allen Amy Andreas Angela Anthony Antonio
Arch Archibald Arthur August Barbara Ben Benjamin Bernard Bertrand Bill Bob Brian Bruce Carlo Caroline Cecil Charlotte Christopher
Clara Claude Daniel David Dennis Denis Donald Dorothy Douglas Edgar Edith Edmund Elizabeth Ellen Emil Emile Emma Eric Erich Ernest Ernst
Eugene Frances Francis Francisco Franz Frank Frederick Friedrich Fritz Gabriel Gary Geoffrey Gerald Gerhard Gertrude Gordon Graham
Günter Gustav Hannah Hans Harold Harry Helmut Herbert Herman Hermann Hugh Hugo Isaac Isabel Jack James Jane Janet Jean Jeffrey Jerome
Jessica Jim Joan Johann Johannes John Jonathan Jorge Juan Judith Julia Julian Julius Jürgen Karen Katherine Kenneth Klaus Kurt Laura
Lawrence Leonard Lewis Lion Louis Louise Lucien Ludwig Luis Margaret Marion Mark Martha Martin Marvin Matthias Maurice Max Michelle
Miguel Milton Morris Nancy Nathan Neil Norman Otto Patricia Patrick Percy Philip Ralph Raymond Richard Robert Roger Ronald Rosa Rose
Roy Rudolf Ruth Samuel Sarah Sidney Stanley Susan Thomas Timothy Trevor Vincent Walter Werner Wilhelm William Willi Willy Winston
Wolfgang Zachary Ernesto Émile Alfred Mathieu Esterhazy Bartolomeo Nicola Marinus Hermann Ferdinand Alphonse Georgi Vasil Blagoy
Bela Béla Imre Janos János László Tito Josip Władysław Stanisław Kazimierz Tadeusz Wojciech`
  .split(/\s+/)
  .filter((w) => w.length > 0);

/** Titles and forms of address written before a name (lowercase, without final period) */
export const PERSON_TITLES = new Set(
  `comrade comrades mr mrs ms miss dr doctor prof professor marshal general gen colonel col major captain capt lieutenant lt
commissar prosecutor procurator judge justice ambassador president premier chairman secretary minister sir lord lady madame mme
monsieur herr frau genosse genossin staatsanwalt marschall procureur camarade maréchal marechal commissaire général
statsanwalt statsadvokat komandarm komkor kombrig komdiv kommandarm narkom citizen defendant accused witness engineer academician senator governor king queen tsar czar tsarina emperor
prince princess count countess baron father rev reverend saint st bishop archbishop pope admiral sergeant private corporal
товарищ тов гражданин гражданка маршал генерал полковник майор капитан прокурор академик профессор нарком судья посол
подсудимый подсудимая обвиняемый обвиняемая свидетель свидетельница господин госпожа инженер доктор`.split(/\s+/),
);

/** Role nouns that, lowercase before a name, mark it as a person ("the historian Roy Medvedev") */
export const PERSON_ROLES = new Set(
  `historian writer journalist author novelist poet correspondent reporter scholar lawyer attorney editor economist
philosopher biographer diplomat ambassador leader chief head deputy commissar official defendant accused prosecutor
witness engineer scientist physicist chemist wife husband son daughter brother sister father mother widow secretary
colleague friend comrade rival opponent critic investigator interrogator agent spy officer soldier worker peasant
banker merchant socialist communist anarchist revolutionary bolshevik menshevik trotskyist playwright
solicitor counsel barrister juror judge governor senator congressman detective sheriff physician doctor professor
историк писатель журналист автор поэт жена муж сын дочь брат сестра отец мать вдова секретарь следователь
адвокат защитник прокурор судья свидетель подсудимый обвиняемый профессор врач губернатор сенатор`.split(/\s+/),
);

/** Verbs after a name that mark a person ("Radek said", "Bukharin confessed") */
export const PERSON_VERBS = new Set(
  `said says wrote writes confessed confesses testified testifies admitted admits declared declares stated states claimed
claims denied denies argued argues recalled recalls told tells asked asks replied replies answered answers insisted
insists recounted recounts noted notes explained explains believed believes thought knew died dies protested
pleaded retracted signed recanted remembered remembers concluded concludes fled
сказал сказала писал писала заявил заявила признал признался признала показал показала утверждал утверждала вспоминал`
    .split(/\s+/),
);

/** Head nouns that end an organization name */
export const ORG_HEADS = new Set(
  `party committee commissariat bureau centre center bloc group opposition army navy court collegium congress conference
international comintern institute university press academy society league federation association trust company
ministry department office police guard guards government council soviet presidium politburo orgburo secretariat
directorate administration commission tribunal union union's brigade division regiment corps service services
agency cheka bank church school college library archive archives museum times tribune herald post gazette journal
review chronicle news pravda izvestia bulletin movement front organization organisation organizations
committee's club foundation inc ltd corporation corp co department's assembly parliament senate duma reichstag
embassy legation consulate fleet staff section procuracy prokuratura politbureau zeitung supplement tageblatt gazette courier
post dispatch monitor telegraph observer guardian express chronicle
партия комитет комиссариат наркомат бюро центр блок группа оппозиция армия суд коллегия съезд конференция
интернационал институт университет академия общество лига союз министерство управление совет президиум
политбюро оргбюро секретариат комиссия трибунал газета журнал`.split(/\s+/),
);

/** Head nouns that make a trial or case ("the Shakhty case", "the Trial of the Sixteen") */
export const TRIAL_HEADS = new Set('trial trials case affair process процесс дело'.split(' '));

/** Counted groups that name trials ("Trial of the Sixteen", "Trial of the Twenty-One") */
export const NUMBER_WORDS = new Set(
  `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
twenty twenty-one twenty-two thirty forty fifty hundred`.split(/\s+/),
);

/** Head nouns that end a place name */
export const PLACE_HEADS = new Set(
  `city town village river sea lake mountains mountain mount island islands oblast region province district krai county
state street square avenue prospect prison camp canal gulf bay peninsula valley forest desert coast port
область край район улица площадь река остров`.split(/\s+/),
);

/** Prepositions after which a capitalized word is likely a place */
export const PLACE_PREPS = new Set('in at from to near into across throughout outside inside via toward towards в во на из под около возле'.split(' '));

/**
 * Capitalized words that are not names on their own: nationality and political adjectives,
 * nouns for groups of people, months and days. (They may still start a longer name:
 * "Soviet Union", "Left Opposition".)
 */
export const NOT_NAMES_ALONE = new Set(
  `soviet soviets russian russians german germans american americans british english french polish ukrainian georgian jewish jew jews
latvian lithuanian estonian finnish swedish norwegian japanese chinese italian spanish austrian hungarian czech bulgarian
romanian turkish european western eastern northern southern asian african
bolshevik bolsheviks menshevik mensheviks communist communists marxist marxists leninist leninists marxism leninism
marxist-leninist socialist socialists fascist fascists fascism nazi nazis nazism stalinist stalinists stalinism trotskyist
trotskyists trotskyism trotskyite trotskyites white whites red reds left right kulak kulaks tsarist czarist christian
christians catholic protestant orthodox muslim god lord heaven bible gospel
january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
englishman englishmen frenchman frenchmen russians inc co ltd corp univ staff
english internet web page pages site online cookies cookie privacy policy home menu search login
января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май
июнь июль август сентябрь октябрь ноябрь декабрь советский советская советское советские русский русская немецкий`.split(/\s+/),
);

/** Function words and frequent sentence openers: never part of a name at its start */
export const FUNCTION_WORDS = new Set(
  `a an the this that these those it its he she they we i you his her their our my your him them us me but and or nor
when while after before during however although though if as for with from by of to not no yes there here then thus so
also even only what which who whom whose why how where all some many most such one two three both each every any
neither either other another more less much few several this in on at into onto upon about above below under over
between among through against without within since until till because unless whether yet still already again once
later soon now today tomorrow yesterday indeed instead meanwhile moreover furthermore nevertheless therefore hence
accordingly finally first second third last next according despite following like unlike perhaps maybe certainly
clearly obviously apparently evidently fortunately unfortunately just do does did done be been being is are was were
has have had having will would shall should can could may might must let see note chapter part volume section table
figure appendix page pp vol ed eds trans see ibid op cit cf et al vs etc yes no mr
и в во на с со к ко по за из от до для о об при без над под про через но а или что как это этот эта эти то тот та те
он она оно они мы вы я его её ее их наш ваш мой твой когда если хотя после перед во время уже ещё еще также тоже
однако поэтому потому так там тут здесь где куда все всё весь вся каждый другой один одна одно два три не ни да нет
был была было были есть быть будет который которая которое которые`.split(/\s+/),
);

/** Endings of words derived from names that are not the person (Trotskyite, Ezhovshchina, Stalinism) */
export const DERIVED_SUFFIX = /(?:ite|ites|ist|ists|ism|isms|ian|ians|ism's|shchina|schina|ovshchina|щина|изм|ист|исты|истов|истский|истская|истские|овец|овцы|овцев)$/i;

/** Common abbreviations of given names before a surname ("Geo.", "Wm.") are rare; initials are handled separately. */
export const ROMAN_NUMERALS = /^(?:[IVXLCDM]+)$/;

/**
 * Well-known pseudonyms, birth names and nicknames: the name a person is known by, with the
 * other surnames the literature uses for them. A merge needs both names in the corpus and
 * compatible given names (Alexander Ulyanov, Lenin's brother, stays apart from Lenin). Names
 * that are also another person's surname in this literature are left out on purpose (Peshkov:
 * Gorky's son was a defendant's alleged victim, not Gorky).
 */
export const PSEUDONYMS: ReadonlyArray<{ name: string; given: string; aliases: readonly string[] }> = [
  { name: 'Stalin', given: 'Joseph', aliases: ['Dzhugashvili', 'Djugashvili', 'Jugashvili', 'Dschugaschwili', 'Djougachvili', 'Koba', 'Джугашвили', 'Коба'] },
  { name: 'Trotsky', given: 'Leon', aliases: ['Bronstein', 'Bronshtein', 'Бронштейн'] },
  { name: 'Zinoviev', given: 'Grigory', aliases: ['Radomyslsky', 'Radomyslskii', 'Radomysl\u2019sky', 'Apfelbaum', 'Радомысльский'] },
  { name: 'Kamenev', given: 'Lev', aliases: ['Rosenfeld', 'Rozenfeld', 'Розенфельд'] },
  { name: 'Lenin', given: 'Vladimir', aliases: ['Ulyanov', 'Ulianov', 'Uljanow', 'Oulianov', 'Ульянов'] },
  { name: 'Molotov', given: 'Vyacheslav', aliases: ['Skryabin', 'Skriabin', 'Скрябин'] },
  { name: 'Radek', given: 'Karl', aliases: ['Sobelsohn', 'Sobelson', 'Собельсон'] },
  { name: 'Kirov', given: 'Sergei', aliases: ['Kostrikov', 'Костриков'] },
  { name: 'Yaroslavsky', given: 'Yemelyan', aliases: ['Gubelman', 'Губельман'] },
  { name: 'Litvinov', given: 'Maxim', aliases: ['Wallach', 'Vallakh', 'Валлах'] },
  { name: 'Martov', given: 'Julius', aliases: ['Tsederbaum', 'Zederbaum', 'Цедербаум'] },
  { name: 'Parvus', given: 'Alexander', aliases: ['Helphand', 'Gelfand', 'Гельфанд'] },
  { name: 'Tito', given: 'Josip', aliases: ['Broz', 'Броз'] },
  { name: 'Bukharin', given: 'Nikolai', aliases: ['Bukharchik', 'Бухарчик'] },
  { name: 'Yagoda', given: 'Genrikh', aliases: ['Iegoda'] },
  { name: 'Orlov', given: 'Alexander', aliases: ['Feldbin', 'Фельдбин'] },
  { name: 'Krivitsky', given: 'Walter', aliases: ['Ginsberg', 'Ginzberg', 'Гинзберг'] },
];

/** Between two names, words saying the second is the first's other name: "(real name …)", "born …", "alias …" */
export const ALIAS_GAP =
  /^[\s,(;:\u2014\u2013-]*(?:(?:(?:whose|his|her)\s+)?(?:real|true|birth|original|family|actual|maiden)\s+(?:sur)?name\s+(?:was\s+|is\s+|being\s+)?|(?:born|n[ée]e?|alias|a\.\s?k\.\s?a\.|aka|also\s+known\s+as|better\s+known\s+as|known\s+as|also\s+called|nicknamed|pseudonym|under\s+the\s+(?:pseudonym|name|alias)\s+(?:of\s+)?|(?:настоящая|подлинная)\s+фамилия|урожд[её]нн?(?:ый|ая)|псевдоним|он\s+же|известный\s+как|geboren|genannt|dit|alias|called)\s*)["“‘'«]?\s*$/iu;
