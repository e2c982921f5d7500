package textnorm

import (
	"strings"
	"testing"
)

// TestLanguages holds readings of German, Spanish, Russian and Ukrainian
// written for this project from each language's rules: the gender and
// case a context asks for, the language's separators, currency and unit
// words.
func TestLanguages(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		// German: ordinals by the article before them, the decimal comma,
		// years, times with "Uhr".
		{"de", "am 3. Mai", "am dritten Mai"},
		// A bare preposition is no article: the hour that ends a sentence
		// stays a count; with a month it is the date's day.
		{"de", "Es ist 5 vor 12.", "Es ist fünf vor zwölf."},
		{"de", "Seit 3. Mai gilt das.", "Seit dritten Mai gilt das."},
		// Thousands grouped by spaces, as DIN 5008 writes them.
		{"de", "10 000 Euro", "zehn tausend euro"},
		// "der" after a preposition is a dative's article: the ordinal
		// takes -en; alone it is the nominative's.
		{"de", "Er spielt in der 2. Liga, der 3. Platz ging an ihn.", "Er spielt in der zweiten Liga, der dritte Platz ging an ihn."},
		// A page or a number in the years' range is counted, not dated.
		{"de", "BGBl. I S. 1234 und Nr. 1848, im Jahr 1848", "BGBl. I seite ein tausend zwei hundert vier und dreißig und nummer ein tausend acht hundert acht und vierzig, im Jahr achtzehn hundert acht und vierzig"},
		// Decades with a hyphenated noun, prices in whole euros, "i. d. R.".
		{"de", "die 90er-Jahre", "die neunziger-Jahre"},
		// A version number after what it versions is no date, ordinal or
		// decimal.
		{"de", "Version 5.3 für OS X 10.10 und USB 3.0, am 2.3", "Version fünf Punkt drei für OS X zehn Punkt zehn und USB drei Punkt null, am zweiten März"},
		{"es", "iOS 8.3 para OS X 10.10", "iOS ocho punto tres para OS X diez punto diez"},
		// A number glued to capitals is a code: "5G" is no gram.
		{"es", "redes 2G y 3G", "redes dos G y tres G"},
		// The ordinal indicator "º" stands for the degree sign in much
		// Spanish print; before C or F it is one.
		// Primero and tercero lose their -o before the masculine noun
		// they modify; a road's "km 5" is its kilometre mark.
		{"es", "quedó en 1.º lugar, el 3.º piso, el 1.º de la clase", "quedó en primer lugar, el tercer piso, el primero de la clase"},
		{"es", "en el km 5 tras 5 km 300 m", "en el kilómetro cinco tras cinco kilómetros trescientos metros"},
		{"es", "máximas de 40 ºC y mínimas de 5º C el 1º de mayo", "máximas de cuarenta grados centígrados y mínimas de cinco grados centígrados el primero de mayo"},
		{"de", "im 5G-Netz", "im fünf G-Netz"},
		// Fractions set as one character, and a whole part before one:
		// German as NeMo reads "1 1/2", Spanish with "y", Russian and
		// Ukrainian with the whole part's "целых"/"цілих" as decimals.
		{"de", "½ Liter und 2¾ Stunden", "ein halb Liter und zwei drei viertel Stunden"},
		{"es", "subió 2¾ y luego -¼", "subió dos y tres cuartos y luego menos un cuarto"},
		{"ru", "½ и 2¾, 1 1/2", "одна вторая и две целых три четвертых, одна целая одна вторая"},
		{"uk", "½ і 5 3/4", "одна друга і п'ять цілих три четвертих"},
		// Units of computing, radio, weather and batteries, native and
		// Latin: a unit the rules did not know was taken for a noun an
		// ordinal agrees with ("3 ГГц" третий).
		{"ru", "3 ГГц, 8 ГБ и 5 GB, 4000 мА·ч, 1013 гПа", "три гигагерца, восемь гигабайт и пять гигабайт, четыре тысячи миллиампер-часов, одна тысяча тринадцать гектопаскалей"},
		{"uk", "3 GHz, 100 Мбіт/с, 1 kWh", "три гігагерци, сто мегабітів на секунду, одна кіловат-година"},
		// A slash parts a decree's number from its year, a house's number
		// from its building's: no fraction (a denominator is never a year).
		{"uk", "указ № 123/2024, буд. 5/2, 3/4 склянки", "указ номер сто двадцять три дріб дві тисячі двадцять чотири, будинок п'ять дріб два, три четвертих склянки"},
		// A street's abbreviation takes the case its preposition asks;
		// Russian "у" asks the genitive ("у дома"), Ukrainian "у" is "в".
		{"ru", "на ул. Ленина, у д. 5, на пр. Мира, на пл. Революции", "на улице Ленина, у дома пять, на проспекте Мира, на площади Революции"},
		{"uk", "на вул. Хрещатик, на просп. Перемоги, у буд. 5", "на вулиці Хрещатик, на проспекті Перемоги, у будинку п'ять"},
		{"ru", "указ № 123/2024, д. 5/2", "указ номер сто двадцать три дробь две тысячи двадцать четыре, дом пять дробь два"},
		// Lower-case Roman numerals follow a name, not a letter, and
		// "cc", "mm", "cm" are units.
		{"es", "anexo b cc, carlos iii", "anexo b cc, carlos tercero"},
		{"es", "aaa ccc, el presidente xi, pío xii", "aaa ccc, el presidente xi, pío doce"},
		// Any number takes -er as a decade does; a number with a letter
		// is a house's or an article's.
		{"de", "die 68er, eine 3er-Reihe, Haus Nr. 12a, Art. 5b", "die acht und sechziger, eine dreier-Reihe, Haus nummer zwölf a, artikel fünf b"},
		{"de", "Gesetz Nr. 5/2024, Drucksache 20/1234, 1/1000", "Gesetz nummer fünf Strich zwei tausend vier und zwanzig, Drucksache zwanzig Strich ein tausend zwei hundert vier und dreißig, ein ein tausendstel"},
		{"de", "3 GHz, 1 mAh, 1013 hPa und 3 dl", "drei gigahertz, eine milliamperestunde, ein tausend dreizehn hektopascal und drei deziliter"},
		{"es", "3 GHz, 4000 mAh y 100 Mbit/s", "tres gigahercios, cuatro mil miliamperios hora y cien megabits por segundo"},
		// Millions as the press abbreviates them, and "de" before a sign.
		{"es", "5 mill. de euros, 1 M€, 1 millón de €, 3,5 mdd, 5 mil personas", "cinco millones de euros, un millón de euros, un millón de euros, tres coma cinco millones de dólares, cinco mil personas"},
		{"ru", "версия 5.3 и USB 3.0", "версия пять точка три и USB три точка ноль"},
		{"uk", "версія 5.3", "версія п'ять крапка три"},
		// A number leading a compound word takes its combining form and
		// joins the word: mostly the genitive, but одно, сто, девяносто,
		// тысяче; двукратный; Ukrainian дво-, три-, чотири-.
		{"ru", "70-летие Победы и 5-летний план", "семидесятилетие Победы и пятилетний план"},
		{"ru", "100-летие, 150-летие, 1000-летие", "столетие, стопятидесятилетие, тысячелетие"},
		{"ru", "2-кратный чемпион в 3-комнатной квартире", "двукратный чемпион в трехкомнатной квартире"},
		{"ru", "21-летний и 90-летие", "двадцатиоднолетний и девяностолетие"},
		{"uk", "100-річчя і 5-річний план", "сторіччя і п'ятирічний план"},
		{"uk", "3-поверховий, 2-річний, 25-річний", "триповерховий, дворічний, двадцятип'ятирічний"},
		// Spans of years with the plural's abbreviation; distributive по;
		// a date after по is the span's end.
		{"ru", "С 2010 по 2015 гг. работал, в 2023–2024 гг. отдыхал", "С две тысячи десятого по две тысячи пятнадцатый год работал, в две тысячи двадцать третьем — две тысячи двадцать четвертом годах отдыхал"},
		{"uk", "з 2010 до 2015 рр. працював", "з дві тисячі десятого до дві тисячі п'ятнадцятого року працював"},
		// Two years before "гг." take the case one year before "г."
		// does: the genitive after a noun.
		{"ru", "В период 2020–2022 гг. цены росли", "В период две тысячи двадцатого — две тысячи двадцать второго годов цены росли"},
		{"ru", "По 2 человека и по 100 рублей до 5 марта, продлено по 5 апреля", "По два человека и по сто рублей до пятого марта, продлено по пятое апреля"},
		// Squared and cubed units abbreviated with a dot.
		{"ru", "площадью 100 кв. м и 5 кв. км", "площадью сто квадратных метров и пять квадратных километров"},
		{"ru", "3 куб. м", "три кубических метра"},
		{"ru", "100 кв. м, 0,3 п.п.; 3 куб. м", "сто квадратных метров, ноль целых три десятых процентного пункта; три кубических метра"},
		{"uk", "площею 50 кв. м", "площею п'ятдесят квадратних метрів"},
		// Percentage points, copies, a figure's and a table's number.
		{"ru", "Ставка выросла на 2 п.п. за год, тираж 300 экз. в продаже", "Ставка выросла на два процентных пункта за год, тираж триста экземпляров в продаже"},
		{"uk", "Зростання на 0,3 в.п. за рік", "Зростання на нуль цілих три десятих відсоткового пункту за рік"},
		{"ru", "См. рис. 3 и табл. 2 в п. 5", "смотри рисунок три и таблица два в пункте пять"},
		// A sum after на, за is in the accusative.
		{"ru", "Сделка на $1,2 млрд закрыта", "Сделка на одну целую две десятых миллиарда долларов закрыта"},
		// "1" before a noun is the article its gender and the
		// preposition ask.
		{"de", "vor 1 Jahr, seit 1 Woche, für 1 Tag, 1 Person", "vor einem Jahr, seit einer Woche, für einen Tag, eine Person"},
		{"de", "für 1.200,– Euro im Monat", "für ein tausend zwei hundert Euro im Monat"},
		{"de", "i. d. R. nicht", "in der regel nicht"},
		{"de", "Er kam. Dr. Meier sagte nichts.", "Er kam. Doktor Meier sagte nichts."},
		// Units abbreviated with a dot keep it only where a sentence
		// starts; an abbreviation before the sentence's last word is one.
		{"de", "Alle 15 Min. fährt er, nach 2 Std. Fahrt. Die Fahrt dauert 2 Std.", "Alle fünfzehn minuten fährt er, nach zwei stunden Fahrt. Die Fahrt dauert zwei stunden."},
		{"de", "Das ist mehr als im 19. Jh. geplant.", "Das ist mehr als im neunzehnten jahrhundert geplant."},
		{"es", "Vive en la avda. Central.", "Vive en la avenida Central."},
		// A span of years is no telephone number; a number with a leading
		// zero is dialled digit by digit.
		{"es", "Un plan para 2025-2026. Llame al tel. 060 o al 1234-5678.", "Un plan para dos mil veinticinco a dos mil veintiséis. Llame al teléfono cero seis cero o al uno dos tres cuatro cinco seis siete ocho."},
		{"es", "La Dña. María", "La doña María"},
		// Text in lower case: a numeral after a name is still one.
		{"es", "carlos iii y juan pablo ii; mi casa, yo vi el mar", "carlos tercero y juan pablo segundo; mi casa, yo vi el mar"},
		{"ru", "Он пришел. Проф. Иванов молчал. Ул. Ленина пуста.", "Он пришел. Профессор Иванов молчал. Улица Ленина пуста."},
		{"de", "1\u202f000\u202f000 Menschen", "eine million Menschen"},
		{"de", "Tel. 030 123 456", "telefon null drei null eins zwei drei vier fünf sechs"},
		// A price with two decimals before the currency's name is said in
		// major and minor units, as after the currency's sign.
		{"es", "Cuesta 3,50 euros.", "Cuesta tres euros cincuenta céntimos."},
		{"es", "Cuesta 3,5 euros.", "Cuesta tres coma cinco euros."},
		// Millions are nouns: "de" before what they count.
		{"es", "Más de 3.000.000 votos y $2.000.000.", "Más de tres millones de votos y dos millones de dólares."},
		{"es", "1.200.000 personas", "un millón doscientas mil personas"},
		// The gender of feminine nouns whose ending does not say it.
		{"es", "31 mujeres, 200 veces y 201 análisis", "treinta y una mujeres, doscientas veces y doscientos un análisis"},
		// A time before "horas" is read as the clock shows it.
		{"es", "a las 15:30 horas y a las 09:05 horas", "a las quince treinta horas y a las nueve cero cinco horas"},
		{"ru", "Это стоит 3,50 рубля.", "Это стоит три рубля пятьдесят копеек."},
		{"ru", "С 2,50 рублей.", "С двух рублей пятидесяти копеек."},
		{"uk", "Це коштує 3,50 гривні.", "Це коштує три гривні п'ятдесят копійок."},
		// A decimal after a preposition takes its case, its words agreeing
		// as adjectives.
		{"ru", "Около 1,5 млн человек.", "Около одной целой пяти десятых миллиона человек."},
		// A place's kind abbreviated before its name, in the case the
		// preposition asks; an initial in capitals is not one.
		{"ru", "Он живет в г. Москве, а С. Иванов — в с. Ивановка.", "Он живет в городе Москве, а С. Иванов — в селе Ивановка."},
		{"uk", "у м. Києві", "у місті Києві"},
		// A cardinal after a preposition of the accusative; one or two
		// digits before the year's singular count years.
		{"ru", "на 1000 рублей на 3 года, за 1,5 года", "на одну тысячу рублей на три года, за одну целую пять десятых года"},
		{"uk", "понад 21 людину, йому 21 рік", "понад двадцять одну людину, йому двадцять один рік"},
		{"ru", "в 2 раза больше, в 1,5 раза", "в два раза больше, в одну целую пять десятых раза"},
		{"uk", "у 2 рази більше", "у два рази більше"},
		// A noun in a form no count takes makes the number an ordinal
		// ("2 место", "на 2 месте"); counts stay counts.
		{"ru", "Занял 2 место, 3 класс, 12 место, на 5 месте; 22 места, 5 лет, 1 место, на 2 части, в 2 домах, в 2 часа, 3 человек", "Занял второе место, третий класс, двенадцатое место, на пятом месте; двадцать два места, пять лет, одно место, на две части, в двух домах, в два часа, три человек"},
		// The accusative of an inanimate noun is its nominative ("за 2
		// квартал"); a neuter's after на is too ("на 2 место"); a plural
		// adjective is a count's, and an indeclinable noun tells nothing.
		{"ru", "Итоги за 2 квартал, выход на 2 место, за 2 последних года, 2 евро, 5 фото, 3 кафе", "Итоги за второй квартал, выход на второе место, за два последних года, два евро, пять фото, три кафе"},
		{"ru", "Вышел 3 том, 2 альбом группы; 3 крупных банка", "Вышел третий том, второй альбом группы; три крупных банка"},
		{"uk", "Звіт за 2 квартал, вихід на 2 місце, за 2 останніх роки, 2 євро, 5 фото", "Звіт за другий квартал, вихід на друге місце, за два останніх роки, два євро, п'ять фото"},
		// Three digits before "год"/"года" that agree with a count count
		// years; otherwise they name one.
		{"ru", "Он прожил 101 год, ей 102 года; с 988 года", "Он прожил сто один год, ей сто два года; с девятьсот восемьдесят восьмого года"},
		{"uk", "Він прожив 101 рік", "Він прожив сто один рік"},
		{"uk", "2 місце, 3 клас, 2 місця", "друге місце, третій клас, два місця"},
		// A year after в with its noun left out.
		{"ru", "Это было в 2024, когда в 2024 странах…", "Это было в две тысячи двадцать четвертом, когда в двух тысячах двадцати четырех странах…"},
		{"uk", "Це було у 2024.", "Це було у дві тисячі двадцять четвертому."},
		{"uk", "5–7 тис. грн на місяць", "п'ять — сім тисяч гривень на місяць"},
		// A document's or a place's noun before its number, in the
		// preposition's case.
		{"ru", "в соответствии со ст. 5, на стр. 7, из кв. 3, согласно ст. 12", "в соответствии со статьей пять, на странице семь, из квартиры три, согласно статье двенадцать"},
		{"uk", "Згідно зі ст. 12, відповідно до ст. 5, у буд. 5", "Згідно зі статтею дванадцять, відповідно до статті п'ять, у будинку п'ять"},
		// A number after "тел." is dialled in groups.
		{"uk", "за тел. 1545", "за телефон п'ятнадцять сорок п'ять"},
		// A Roman numeral before a word agrees with it; "CD" is no number.
		{"ru", "Во II квартале, итоги XX съезда, II мировая война, во II половине года, на CD диске", "Во втором квартале, итоги двадцатого съезда, вторая мировая война, во второй половине года, на CD диске"},
		{"uk", "у II кварталі, II півріччя, II світова війна", "у другому кварталі, друге півріччя, друга світова війна"},
		{"ru", "телефон 123456", "телефон двенадцать тридцать четыре пятьдесят шесть"},
		// Ukrainian reads a clock's hour after a preposition as an
		// ordinal in its case; the second of two times takes the first's
		// preposition, in Russian too.
		{"uk", "з 9:00 до 18:00, на 10:00", "з дев'ятої до вісімнадцятої, на десяту"},
		{"uk", "між 9:00 та 10:00", "між дев'ятою та десятою"},
		{"ru", "между 9:00 и 10:00", "между девятью часами и десятью часами"},
		// "-е" after a number that has no plural in -е: the neuter.
		{"ru", "3-е", "третье"},
		{"uk", "3-є", "третє"},
		{"ru", "к 3,25", "к трем целым двадцати пяти сотым"},
		{"ru", "Рост на 0,5 процентного пункта.", "Рост на ноль целых пять десятых процентного пункта."},
		{"uk", "Близько 21,5 км. Далі", "Близько двадцяти однієї цілої п'яти десятих кілометра. Далі"},
		// The year noun's plural after a number counts years; two years
		// before it are ordinals in its case.
		{"uk", "За 5 років ціни зросли.", "За п'ять років ціни зросли."},
		{"uk", "Йому 25 років.", "Йому двадцять п'ять років."},
		{"uk", "Через 3 роки.", "Через три роки."},
		{"uk", "Протягом 2 років.", "Протягом двох років."},
		{"uk", "У 2021 та 2022 роках.", "У дві тисячі двадцять першому та дві тисячі двадцять другому роках."},
		{"ru", "В 2021 и 2022 годах.", "В две тысячи двадцать первом и две тысячи двадцать втором годах."},
		{"ru", "В 1990—2000 годах.", "В тысяча девятьсот девяностом — двухтысячном годах."},
		// An abbreviation that ends a list ends the sentence too when one
		// starts after it; law's signs and abbreviations.
		{"de", "Es gibt Äpfel usw. Dann kam er.", "Es gibt Äpfel und so weiter. Dann kam er."},
		{"de", "Äpfel u. a. Birnen gibt es.", "Äpfel unter anderem Birnen gibt es."},
		{"es", "Hay manzanas, etc. Luego vino.", "Hay manzanas, etcétera. Luego vino."},
		{"ru", "Есть яблоки и т. д. Потом он пришёл.", "Есть яблоки и так далее. Потом он пришёл."},
		{"de", "Laut § 5 Abs. 2 und Art. 3 GG", "Laut paragraf fünf absatz zwei und artikel drei GG"},
		{"de", "Das ist eine neue Art.", "Das ist eine neue Art."},
		{"de", "Er wohnt in der Hauptstr. 15.", "Er wohnt in der Hauptstraße fünfzehn."},
		{"es", "según el § 3", "según el párrafo tres"},
		{"uk", "§ 3 закону", "параграф три закону"},
		// A year over the next year's two digits is a season, not a
		// fraction, in every language; 2023/25 stays a fraction.
		{"de", "Die Saison 2023/24 war gut.", "Die Saison zwei tausend drei und zwanzig bis vier und zwanzig war gut."},
		{"de", "1999/00", "neunzehn hundert neun und neunzig bis zwei tausend"},
		{"es", "La temporada 2023/24 fue histórica.", "La temporada dos mil veintitrés a veinticuatro fue histórica."},
		{"ru", "Сезон 2023/24 был хорошим.", "Сезон две тысячи двадцать три — двадцать четыре был хорошим."},
		{"uk", "Сезон 2023/24", "Сезон дві тисячі двадцять три — двадцять чотири"},
		{"es", "2023/25", "dos mil veintitrés veinticincoavos"},
		// Spanish quarters, articles and numbers.
		{"es", "El PIB creció en el 3T 2023 y el 1T24.", "El PIB creció en el tercer trimestre de dos mil veintitrés y el primer trimestre de dos mil veinticuatro."},
		{"es", "Según el art. 155 de la Constitución.", "Según el artículo ciento cincuenta y cinco de la Constitución."},
		{"es", "El nº 7 y el n.º 12.", "El número siete y el número doce."},
		// German weekdays abbreviated, hours in a range, quarters.
		{"de", "Öffnungszeiten: Mo.–Fr. 9–18 Uhr.", "Öffnungszeiten: Montag bis Freitag neun bis achtzehn Uhr."},
		{"de", "Die Wahl ist am So., 8. Oktober.", "Die Wahl ist am Sonntag, achten Oktober."},
		{"de", "Fr. Müller kam.", "frau Müller kam."},
		{"de", "Im Q3 2023 stieg der Umsatz.", "Im dritten Quartal zwei tausend drei und zwanzig stieg der Umsatz."},
		{"de", "Das Q3 war gut.", "Das dritte Quartal war gut."},
		// A cardinal's case ending after a number; a sum in millions
		// after a preposition; from one year to another; a century with
		// its noun abbreviated; an abbreviated unit's dot mid-sentence.
		{"ru", "в 3-х томах", "в трех томах"},
		{"ru", "с 2-мя детьми", "с двумя детьми"},
		{"ru", "из 7-ми человек", "из семи человек"},
		{"ru", "Ему 5 метров.", "Ему пять метров."},
		{"ru", "в 1990-х годах", "в тысяча девятьсот девяностых годах"},
		{"ru", "До 1 млн руб.", "До одного миллиона рублей"},
		{"ru", "С 2014 по 2022 год.", "С две тысячи четырнадцатого по две тысячи двадцать второй год."},
		{"uk", "Від 2014 до 2022 року.", "Від дві тисячі чотирнадцятого до дві тисячі двадцять другого року."},
		{"ru", "В начале XXI в.", "В начале двадцать первого века"},
		{"ru", "В XXI в. всё изменилось.", "В двадцать первом веке всё изменилось."},
		{"uk", "У XXI ст. все змінилося.", "У двадцять першому столітті все змінилося."},
		{"ru", "Около 14 ч. дня.", "Около четырнадцати часов дня."},
		// A word joined to a year says the year as a number.
		{"uk", "Бюджет-2025 передбачає видатки.", "Бюджет дві тисячі двадцять п'ять передбачає видатки."},
		{"ru", "Евро-2024 стартует.", "Евро две тысячи двадцать четыре стартует."},
		{"uk", "АБ-1234", "АБ один два три чотири"},
		// A time after a dative's or an instrumental's preposition.
		{"ru", "К 18:00 всё закончилось.", "К восемнадцати часам всё закончилось."},
		{"ru", "к 21:01", "к двадцати одному часу одной минуте"},
		{"ru", "Перед 18:00.", "Перед восемнадцатью часами."},
		{"ru", "В 14:00 началось.", "В четырнадцать часов началось."},
		{"uk", "Перед 18:00.", "Перед вісімнадцятою."},
		// Arithmetic signs in every language.
		{"de", "10 ÷ 2", "zehn geteilt durch zwei"},
		{"es", "10 ÷ 2", "diez entre dos"},
		{"ru", "3 × 4 = 12", "три на четыре равно двенадцать"},
		{"ru", "10 ÷ 2", "десять разделить на два"},
		{"uk", "3 × 4 = 12", "три на чотири дорівнює дванадцять"},
		{"uk", "10 ÷ 2", "десять поділити на два"},
		{"de", "Der 2. Weltkrieg", "Der zweite Weltkrieg"},
		{"de", "Berlin, 24. Juli 2013", "Berlin, vier und zwanzigster Juli zwei tausend dreizehn"},
		{"de", "um 08:00 Uhr", "um acht Uhr"},
		{"de", "Köln gewann 2:1.", "Köln gewann zwei zu eins."},
		{"de", "Er kam 2023.", "Er kam zwei tausend drei und zwanzig."},
		{"de", "Tel. 030 123456", "telefon null drei null eins zwei drei vier fünf sechs"},
		{"de", "Im Jahr 2023 kamen 1,2 Mio. Besucher.", "Im Jahr zwei tausend drei und zwanzig kamen eins komma zwei millionen Besucher."},
		{"de", "Es kostet 5 Mio. Das ist viel.", "Es kostet fünf millionen. Das ist viel."},
		{"de", "Es war -5 °C kalt, 0,5 ‰", "Es war minus fünf grad celsius kalt, null komma fünf Promille"},
		{"de", "Friedrich II. war König, Kapitel IV. folgt.", "Friedrich der Zweite war König, Kapitel vier folgt."},
		{"es", "El Madrid ganó 2-1.", "El Madrid ganó dos a uno."},
		{"es", "Real Madrid 3-1 Barcelona", "Real Madrid tres a uno Barcelona"},
		{"es", "Tel. 91 123 45 67", "teléfono nueve uno uno dos tres cuatro cinco seis siete"},
		{"es", "100.000.000 de personas", "cien millones de personas"},
		{"ru", "«Спартак» выиграл 2:1.", "«Спартак» выиграл два один."},
		{"uk", "«Динамо» виграло 3:0.", "«Динамо» виграло три нуль."},
		{"ru", "книги, журналы и т. д.", "книги, журналы и так далее"},
		{"ru", "в 90-е годы", "в девяностые годы"},
		// Spans of days, and a month's full stop kept as the sentence's.
		{"ru", "Встреча пройдет с 1 по 5 мая.", "Встреча пройдет с первого по пятое мая."},
		{"ru", "За 9 месяцев 2024 г. ВВП вырос.", "За девять месяцев две тысячи двадцать четвертого года ВВП вырос."},
		{"ru", "На выборах 2018 г. он победил.", "На выборах две тысячи восемнадцатого года он победил."},
		{"ru", "2024 г. стал рекордным.", "две тысячи двадцать четвертый год стал рекордным."},
		{"uk", "За 9 місяців 2024 р. ВВП зріс.", "За дев'ять місяців дві тисячі двадцять четвертого року ВВП зріс."},
		{"ru", "Фестиваль 1–5 мая 2024 года.", "Фестиваль с первого по пятое мая две тысячи двадцать четвертого года."},
		{"ru", "Срок продлили до 5 мая. Потом решат.", "Срок продлили до пятого мая. Потом решат."},
		{"ru", "Приём 5 фев. прошёл.", "Приём пятого февраля прошёл."},
		{"uk", "З 1 по 5 травня.", "З першого по п'яте травня."},
		{"de", "Es geschah am 5. Mai. Dann regnete es.", "Es geschah am fünften Mai. Dann regnete es."},
		{"de", "Am 3. Okt. kam er.", "Am dritten Oktober kam er."},
		{"de", "Fast jeder 2. – also viele – stimmte zu.", "Fast jeder zweite – also viele – stimmte zu."},
		{"de", "Er wurde 3., danach kam er.", "Er wurde dritter, danach kam er."},
		{"de", "Am Mittwoch, 5. Juni beginnt es.", "Am Mittwoch, fünften Juni beginnt es."},
		{"de", "Mittwoch, 5. Juni: Sitzung.", "Mittwoch, fünfter Juni: Sitzung."},
		{"de", "Die Miete beträgt 12,50 €/m².", "Die Miete beträgt zwölf euro fünfzig cent pro quadrat meter."},
		{"de", "Das Abo kostet 30 €/Monat.", "Das Abo kostet dreißig euro pro Monat."},
		{"es", "Fue el 5 de mayo. Luego llovió.", "Fue el cinco de mayo. Luego llovió."},
		{"es", "Del 1 al 5 de mayo se celebra.", "Del uno al cinco de mayo se celebra."},
		{"es", "El alquiler cuesta 12 €/m² y 30 €/mes.", "El alquiler cuesta doce euros por metro cuadrado y treinta euros por mes."},
		{"es", "Llame al +34 600 123 456.", "Llame al más treinta y cuatro seis cero cero uno dos tres cuatro cinco seis."},
		{"es", "Ocurrió en el s. XIX.", "Ocurrió en el siglo diecinueve."},
		{"es", "Entra en vigor la ley 7/2024.", "Entra en vigor la ley siete de dos mil veinticuatro."},
		{"es", "Son 3/4 del total.", "Son tres cuartos del total."},
		{"es", "Uno de cada 3 votó; ganó 1 a 0.", "Uno de cada tres votó; ganó uno a cero."},
		{"uk", "Від 3 до 7 червня 2024 року.", "Від третього до сьомого червня дві тисячі двадцять четвертого року."},
		{"ru", "в начале 20 века", "в начале двадцатого века"},
		{"ru", "в 21 веке", "в двадцать первом веке"},
		{"ru", "пять веков назад, 5 веков", "пять веков назад, пять веков"},
		{"uk", "21 століття", "двадцять перше століття"},
		{"ru", "ВВП вырос в 2023 году.", "ВВП вырос в две тысячи двадцать третьем году."},
		{"uk", "ВВП зріс у 2023 році.", "ВВП зріс у дві тисячі двадцять третьому році."},
		{"ru", "В Москве +5 °C.", "В Москве плюс пять градусов Цельсия."},
		{"uk", "книжки, журнали і т. ін.", "книжки, журнали і таке інше"},
		{"de", "Es kostet 3,50 €.", "Es kostet drei euro fünfzig cent."},
		{"de", "1.234.567 Einwohner", "eine million zwei hundert vier und dreißig tausend fünf hundert sieben und sechzig Einwohner"},
		{"de", "im Jahr 1980", "im Jahr neunzehn hundert achtzig"},
		{"de", "3,5 Mio. Euro", "drei komma fünf millionen euro"},
		{"de", "1 h", "eine stunde"},
		{"de", "20 %", "zwanzig prozent"},
		{"de", "z.B. heute", "zum beispiel heute"},
		{"de", "Er kam 1998. Dann ging er.", "Er kam neunzehn hundert acht und neunzig. Dann ging er."},
		{"de", "+49 30 1234567", "plus neun und vierzig drei null eins zwei drei vier fünf sechs sieben"},
		// Spanish: gender, the long scale, pairs after the comma.
		{"es", "1.000.000 de personas", "un millón de personas"},
		{"es", "245 mph", "doscientas cuarenta y cinco millas por hora"},
		{"es", "21 libras", "veintiuna libras"},
		{"es", "el 1 de enero de 2024", "el primero de enero de dos mil veinticuatro"},
		{"es", "a las 13:30", "a las trece y media"},
		{"es", "3,5 %", "tres coma cinco por ciento"},
		{"es", "Felipe VI", "Felipe sexto"},
		{"es", "Alfonso XIII", "Alfonso trece"},
		{"es", "siglo XXI", "siglo veintiuno"},
		{"es", "el 2.º puesto", "el segundo puesto"},
		{"es", "$1,50", "un dólar cincuenta centavos"},
		// Russian: the case of the noun or the preposition.
		{"ru", "в 2024 году", "в две тысячи двадцать четвертом году"},
		{"ru", "с 2020 года", "с две тысячи двадцатого года"},
		{"ru", "к 2030 году", "к две тысячи тридцатому году"},
		{"ru", "в 2024 г.", "в две тысячи двадцать четвертом году"},
		{"ru", "6 марта 2006 года он приехал", "шестого марта две тысячи шестого года он приехал"},
		{"ru", "Сегодня 6 марта", "Сегодня шестое марта"},
		{"ru", "в XXI веке", "в двадцать первом веке"},
		{"ru", "Екатерина II", "Екатерина вторая"},
		{"ru", "от 5 до 10 кг", "от пяти до десяти килограммов"},
		{"ru", "2 минуты", "две минуты"},
		{"ru", "21 рубль", "двадцать один рубль"},
		{"ru", "5,50 руб.", "пять рублей пятьдесят копеек"},
		{"ru", "3,2 л", "три целых две десятых литра"},
		{"ru", "в 5-й школе", "в пятой школе"},
		{"ru", "1950-е", "тысяча девятьсот пятидесятые"},
		{"ru", "т. е. это", "то есть это"},
		{"ru", "13:05", "тринадцать часов пять минут"},
		// Ukrainian: nominative plural after two to four, its own cases.
		{"uk", "у 2024 році", "у дві тисячі двадцять четвертому році"},
		// A date standing alone is named in the nominative, as in Russian;
		// the year noun "року" (or "р.") belongs to the date.
		{"uk", "13 червня 2023 року", "тринадцяте червня дві тисячі двадцять третього року"},
		{"uk", "Опубліковано 13 червня 2023 року.", "Опубліковано тринадцятого червня дві тисячі двадцять третього року."},
		{"uk", "Це сталося 24 лютого 2022 р. близько 5 ранку.", "Це сталося двадцять четвертого лютого дві тисячі двадцять другого року близько п'яти ранку."},
		{"uk", "Телефон: 0 800 500 335.", "Телефон: нуль вісімсот п'ятсот триста тридцять п'ять."},
		{"uk", "Було 0 800 осіб.", "Було нуль вісімсот осіб."},
		{"uk", "Сьогодні 13 червня", "Сьогодні тринадцяте червня"},
		{"uk", "2 тис.", "дві тисячі"},
		{"uk", "2 години", "дві години"},
		{"uk", "3 мільйони", "три мільйони"},
		{"uk", "5,50 грн", "п'ять гривень п'ятдесят копійок"},
		{"uk", "22 гривні", "двадцять дві гривні"},
		{"uk", "від 5 до 10 кг", "від п'яти до десяти кілограмів"},
		{"uk", "о 12:30", "о дванадцятій тридцять"},
		{"uk", "у XXI столітті", "у двадцять першому столітті"},
		{"uk", "+380 44 123-45-67", "плюс триста вісімдесят сорок чотири сто двадцять три сорок п'ять шістдесят сім"},
		{"uk", "вул. Хрещатик, буд. 5", "вулиця Хрещатик, будинок п'ять"},
		{"uk", "1,5 млрд грн", "одна ціла п'ять десятих мільярда гривень"},
	} {
		if got := (Normalizer{Language: tc.lang}).Normalize(tc.in); got != tc.want {
			t.Errorf("%s %q\n  got  %q\n  want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestWordJoinedToNumber: a serial code never ends inside a decimal
// number, and a word joined to a number by a hyphen is said as two words.
func TestWordJoinedToNumber(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"ru", "тест-1,02", "тест одна целая две сотых"},
		{"en", "version-2.5", "version two point five"},
		{"en", "978-0", "nine hundred and seventy eight-zero"},
		{"de", "Version-2,5", "Version zwei Komma fünf"},
	} {
		if got := (Normalizer{Language: tc.lang}).Normalize(tc.in); !strings.EqualFold(got, tc.want) {
			t.Errorf("%s %q → %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}
