package article

import (
	"strings"
	"testing"
)

// languageSamples are short news paragraphs written for this test, one
// per language aloud has voices for.
var languageSamples = map[string]string{
	"en": "The town council voted on Tuesday evening to close the old river bridge for eight months of repairs. Drivers will be sent around the industrial estate, and the bus company says its morning timetable will change from next week. Shop owners near the bridge fear that fewer people will stop on their way to work.",
	"de": "Der Stadtrat hat am Dienstagabend beschlossen, die alte Flussbrücke für acht Monate zu sperren und gründlich zu sanieren. Autofahrer werden über das Gewerbegebiet umgeleitet, und die Verkehrsbetriebe ändern ab der kommenden Woche den Fahrplan. Die Geschäftsleute in der Nähe der Brücke befürchten weniger Kundschaft.",
	"es": "El ayuntamiento aprobó el martes por la noche cerrar el viejo puente del río durante ocho meses para repararlo. Los conductores tendrán que rodear el polígono industrial, y la empresa de autobuses cambiará sus horarios de la mañana a partir de la semana que viene. Los comerciantes de la zona temen perder clientes.",
	"fr": "Le conseil municipal a décidé mardi soir de fermer le vieux pont sur la rivière pendant huit mois de travaux. Les automobilistes seront déviés par la zone industrielle, et la compagnie de bus modifiera ses horaires du matin dès la semaine prochaine. Les commerçants du quartier craignent de voir moins de clients.",
	"it": "Il consiglio comunale ha deciso martedì sera di chiudere il vecchio ponte sul fiume per otto mesi di lavori. Gli automobilisti saranno deviati attraverso la zona industriale e l'azienda dei trasporti cambierà gli orari del mattino dalla prossima settimana. I negozianti vicino al ponte temono di perdere clienti.",
	"pt": "A câmara municipal decidiu na terça-feira à noite fechar a velha ponte sobre o rio durante oito meses de obras. Os condutores serão desviados pela zona industrial, e a empresa de autocarros vai mudar os horários da manhã a partir da próxima semana. Os comerciantes perto da ponte receiam perder clientes.",
	"nl": "De gemeenteraad heeft dinsdagavond besloten de oude brug over de rivier acht maanden lang te sluiten voor herstelwerkzaamheden. Automobilisten worden omgeleid via het industrieterrein en het busbedrijf past vanaf volgende week de dienstregeling aan. Winkeliers bij de brug vrezen dat er minder klanten komen.",
	"pl": "Rada miejska zdecydowała we wtorek wieczorem o zamknięciu starego mostu na rzece na osiem miesięcy remontu. Kierowcy zostaną skierowani na objazd przez strefę przemysłową, a przewoźnik autobusowy zmieni poranny rozkład jazdy od przyszłego tygodnia. Sklepikarze w pobliżu mostu obawiają się spadku liczby klientów.",
	"sv": "Kommunfullmäktige beslutade på tisdagskvällen att stänga den gamla bron över älven under åtta månaders reparationer. Bilister kommer att ledas om genom industriområdet, och bussbolaget ändrar morgonens tidtabell från och med nästa vecka. Butiksägarna nära bron är oroliga för att färre kunder kommer att stanna.",
	"ru": "Городской совет во вторник вечером решил закрыть старый мост через реку на восемь месяцев ремонта. Водителей направят в объезд через промышленную зону, а автобусная компания изменит утреннее расписание со следующей недели. Владельцы магазинов рядом с мостом опасаются, что покупателей станет меньше.",
	"uk": "Міська рада у вівторок увечері вирішила закрити старий міст через річку на вісім місяців ремонту. Водіїв спрямують в об'їзд через промислову зону, а автобусна компанія змінить ранковий розклад з наступного тижня. Власники крамниць біля мосту побоюються, що покупців стане менше.",
}

func TestTextLanguage(t *testing.T) {
	for want, text := range languageSamples {
		// Twice the paragraph: enough to overrule markup too.
		blocks := []Block{{Kind: Paragraph, Text: text}, {Kind: Paragraph, Text: text}}
		if got, conf, _ := textLanguage(blocks); got != want {
			t.Errorf("%s sample detected as %q (confidence %.2f)", want, got, conf)
		}
	}
}

func TestChooseLanguage(t *testing.T) {
	long := func(lang string) []Block {
		return []Block{{Kind: Paragraph, Text: languageSamples[lang]}, {Kind: Paragraph, Text: languageSamples[lang]}}
	}
	short := []Block{{Kind: Paragraph, Text: "Der Stadtrat tagt am Dienstag."}}
	tests := []struct {
		name, markup string
		blocks       []Block
		want         string
	}{
		{"no markup: the text says", "", long("de"), "de"},
		{"markup agrees, region kept", "en-GB", long("en"), "en-GB"},
		{"template's en on a German page", "en", long("de"), "de"},
		{"underscore tag read as a hyphen", "pt_BR", long("pt"), "pt-BR"},
		{"too short to overrule", "en", short, "en"},
		{"too short to tell", "", short, ""},
		{"headings are not read for it", "", []Block{{Kind: Heading, Text: strings.Repeat(languageSamples["fr"], 2)}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseLanguage(tc.markup, tc.blocks); got != tc.want {
				t.Errorf("chooseLanguage(%q) = %q, want %q", tc.markup, got, tc.want)
			}
		})
	}
}

// TestParseDetectsLanguage reads a pasted German text, which says nothing
// of its language, and a page whose template says "en" over German text.
func TestParseDetectsLanguage(t *testing.T) {
	text := "Brücke wird saniert\n\n" + languageSamples["de"] + "\n\n" + languageSamples["de"] + "\n"
	a, err := Parse([]byte(text), Text, "pasted.txt", nil)
	if err != nil || a.Language != "de" {
		t.Errorf("pasted text: language %q, %v", a.Language, err)
	}
	page := `<html lang="en"><head><title>Brücke wird saniert</title></head><body><article><p>` + languageSamples["de"] + `</p><p>` + languageSamples["de"] + `</p></article></body></html>`
	a, err = Parse([]byte(page), HTML, "page.html", nil)
	if err != nil || a.Language != "de" {
		t.Errorf("page: language %q, %v", a.Language, err)
	}
}

// TestShortTextLanguageByScript: a note too short for the trigrams, or in
// one of two kindred languages, is told by its script and letters; Latin
// text that short is not guessed.
func TestShortTextLanguageByScript(t *testing.T) {
	for text, want := range map[string]string{
		"Сеанс начнётся в 18:00. Ул. Ленина, д. 5, вход со двора.": "ru",
		"Сеанс почнеться о 18:00. Вул. Хрещатик, 5, вхід з двору.": "uk",
		"Η συνεδρίαση αρχίζει στις 18:00 στο δημαρχείο.":           "el",
		"회의는 오후 6시에 시청에서 시작됩니다.":                                   "ko",
		"政府は22日の臨時閣議で、来年度予算案を決定しました。":                              "ja", // kana among the characters
		"国务院总理主持召开国务院常务会议。":                                        "zh", // characters alone
		"Сеанс в 18:00.":                 "", // neither's own letters
		"Der Stadtrat tagt am Dienstag.": "",
		"":                               "",
	} {
		if got, _, _ := textLanguage([]Block{{Kind: Paragraph, Text: text}}); got != want {
			t.Errorf("%q detected as %q, want %q", text, got, want)
		}
	}
}

// TestShortTextLanguageGuess: a note of two or three sentences is read
// in its language when the detector's best guess leads clearly; a near
// tie between kindred languages stays unknown.
func TestShortTextLanguageGuess(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Het kabinet wil de komende tien jaar 900.000 nieuwe woningen laten bouwen. Gemeenten krijgen meer geld om bouwprojecten sneller te starten.", "nl"},
		{"Le conseil municipal a voté mardi la fermeture du vieux pont pendant huit mois. Les automobilistes seront déviés par la rocade.", "fr"},
		{"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu sperren. Autofahrer werden umgeleitet.", "de"},
		{"Harbour ferries returned to their winter timetable on Monday after three weeks of storms.", "en"},
		{"Riksbanken höjer styrräntan med 0,25 procentenheter till 3,75 procent, meddelade banken på tisdagen.", ""},
		{"Short note.", ""},
	} {
		if got, _, _ := textLanguage([]Block{{Kind: Paragraph, Text: c.text}}); got != c.want {
			t.Errorf("textLanguage(%.40q…) = %q, want %q", c.text, got, c.want)
		}
	}
}
