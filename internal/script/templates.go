package script

import (
	"fmt"
	"time"
)

// BuiltinTemplates are what is said around an article in each language
// aloud ships a voice for, when the configuration says nothing else: the
// intro (title, byline, date) and the disclosure that the audio was made
// with AI. The {date} is said the language's way (SpokenDate), and the
// normalizer then reads it in the case the words before it ask for ("am
// 20. November" → "am zwanzigsten november").
var BuiltinTemplates = map[string]Template{
	"en": {Intro: "{title}. By {byline}. Published {date}.", Disclosure: DefaultDisclosure},
	"de": {Intro: "{title}. Von {byline}. Veröffentlicht am {date}.", Disclosure: "Dieser Beitrag wurde mit Hilfe von künstlicher Intelligenz vertont."},
	"es": {Intro: "{title}. Por {byline}. Publicado el {date}.", Disclosure: "Este audio se ha creado con ayuda de la inteligencia artificial."},
	"fr": {Intro: "{title}. Par {byline}. Publié le {date}.", Disclosure: "Cet audio a été créé avec l'aide de l'intelligence artificielle."},
	"it": {Intro: "{title}. Di {byline}. Pubblicato il {date}.", Disclosure: "Questo audio è stato creato con l'aiuto dell'intelligenza artificiale."},
	"pt": {Intro: "{title}. Por {byline}. Publicado em {date}.", Disclosure: "Este áudio foi criado com a ajuda da inteligência artificial."},
	"pl": {Intro: "{title}. Autor: {byline}. Opublikowano {date}.", Disclosure: "To nagranie powstało z pomocą sztucznej inteligencji."},
	"nl": {Intro: "{title}. Door {byline}. Gepubliceerd op {date}.", Disclosure: "Deze audio is gemaakt met behulp van kunstmatige intelligentie."},
	"sv": {Intro: "{title}. Av {byline}. Publicerad den {date}.", Disclosure: "Det här ljudet har skapats med hjälp av artificiell intelligens."},
	"ru": {Intro: "{title}. Автор: {byline}. Опубликовано {date}.", Disclosure: "Это аудио создано с помощью искусственного интеллекта."},
	"uk": {Intro: "{title}. Автор: {byline}. Опубліковано {date}.", Disclosure: "Це аудіо створено за допомогою штучного інтелекту."},
}

// monthNames are the months as a date says them: in the genitive where
// the language declines them ("20 листопада", "20 listopada").
var monthNames = map[string][12]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"pt": {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	"pl": {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	"uk": {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
}

// SpokenDate writes a date as the language writes it in prose, for the
// intro: "November 20, 2026", "20. November 2026", "20 de noviembre de
// 2026", "20 listopada 2026", "20 листопада 2026 року". Zero: "".
func SpokenDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	primary := primaryLanguage(lang)
	d, y := t.Day(), t.Year()
	names, ok := monthNames[primary]
	if !ok {
		return t.Format("January 2, 2006")
	}
	m := names[t.Month()-1]
	switch primary {
	case "de":
		return fmt.Sprintf("%d. %s %d", d, m, y)
	case "es", "pt":
		return fmt.Sprintf("%d de %s de %d", d, m, y)
	case "uk":
		return fmt.Sprintf("%d %s %d року", d, m, y)
	case "ru":
		return fmt.Sprintf("%d %s %d года", d, m, y)
	}
	return fmt.Sprintf("%d %s %d", d, m, y)
}
