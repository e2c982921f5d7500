package article

import (
	"strings"
	"testing"
)

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Dana Whitfield", "Dana Whitfield"},
		{"by Sam Lee February 23, 2025 3:53 AM 2 min read", "Sam Lee"},
		{"// By Arun Sai Krishnan • Nov 11, 2020", "Arun Sai Krishnan"},
		{"Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham", "Erin Cunningham"},
		{"Ahiza Garcia @ahiza_garcia", "Ahiza Garcia"},
		// The labels of links after the name, with or without a space.
		{"By Eric Abent Discuss", "Eric Abent"},
		{"Jason PaurEmail Author", "Jason Paur"},
		{"Jane Doe Email Twitter", "Jane Doe"},
		{"Kate McDonald", "Kate McDonald"},
		// Chinese labels, one after another, in full-width punctuation.
		{"2023-06-13 15:30:03来源：新华社作者：责任编辑：李娜", "李娜"},
		{"作者︱王芳", "王芳"},
		{"홍길동 기자 =", "홍길동"},
		{"홍길동 기자 gildong@yna.co.kr", "홍길동"},
		// A label ends the names; one first is a list's, not a byline.
		{"Tim Ferriss Topics: The 4-Hour Body", "Tim Ferriss"},
		{"Categories: A Lil Positivity", ""},
		{"Emily Temple.", "Emily Temple"},
		{"By A.J. Daulerio", "A.J. Daulerio"},
		{"Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", "Daniel Kahn Gillmor"},
		{"Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett"},
		{"Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)", "Eleanor Ainge Roy and Adrian Malloch"},
		{"Von Julia Vergin | 23. Februar 2025", "Julia Vergin"},
		{"Por Ana Ruiz y Luis Gil - 3 de mayo de 2025", "Ana Ruiz y Luis Gil"},
		{"Par Martin Untersinger (avec Damien Leloup)", "Martin Untersinger"},
		{"Oleh Budi Santoso - 3 Desember 2025", "Budi Santoso"},
		{"Piše: Ana Horvat", "Ana Horvat"},
		{"Szerző: Kovács Anna", "Kovács Anna"},
		// A newsroom after a comma is no writer's name, nor is a
		// publisher a preposition opens; plural labels in a few
		// languages, with their colon ("Authors Guild" is a name).
		{"By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe"},
		{"Por Ana Souza, da Reuters", "Ana Souza"},
		{"Par Jean Dupont, Agence France-Presse", "Jean Dupont"},
		{"Autorzy: Jan Kowalski, Anna Nowak", "Jan Kowalski, Anna Nowak"},
		{"Yazar: Ahmet Yılmaz", "Ahmet Yılmaz"},
		{"Authors Guild Staff", "Authors Guild Staff"},
		{"Автор: Иван Петров", "Иван Петров"},
		{"By\n   Jane Doe\n   Health News", "Jane Doe"},
		{"Devindra Hardawar/AOL", "Devindra Hardawar"},
		{"Updated July 3, 2025", ""},
		{"Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"},
		{"Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"},
		{"Jane Doe Reviewed by John Roe, MD", "Jane Doe"},
		// Where the words change from mixed case to capitals or back,
		// after two words of one kind, an organisation or a role begins.
		{"Mike Whalley BBC Sport", "Mike Whalley"},
		{"DANICA KIRKA Associated Press", "DANICA KIRKA"},
		{"Brenda Goodman, MA WebMD Health News", "Brenda Goodman"},
		{"Par Jean DUPONT", "Jean DUPONT"},
		{"Marie-Anne DUPONT et Paul MARTIN", "Marie-Anne DUPONT et Paul MARTIN"},
		{"John Smith III", "John Smith III"},
		{"By A.J. Daulerio NYT", "A.J. Daulerio NYT"}, // initials tell nothing: no two words of one kind
		// A month's name before a number is the date's.
		{"UPDATE October 30, 2012 at 10:20", "UPDATE"},
		{"April 28, 2019 at 6:01 am", ""},
		{"April Smith 28 May", "April Smith"},
		// A list that ends in "and" was cut short: no names.
		{"Foursquare and Twitter done right", ""},
		{"Smith &", ""},
		// What goes before an inner "by" is no name; a link's labels go.
		{"View all posts by Matt Tschoegl →", "Matt Tschoegl"},
		{"Japanese lessons for withstanding big storms By Max Fisher", "Max Fisher"},
		{"Posted by Becky | View all posts by Becky Leave a comment!", "Becky"},
		{"Stella Kim and Jane Doe", "Stella Kim and Jane Doe"},
		{"Jane Doe View Profile Email", "Jane Doe"},
		{"View Profile", ""},
		{"Monday, November 12, 2012, by Matthew Kang", "Matthew Kang"},
		// A day's name ends the names; so does a date run into them.
		{"Posted By Stephen M. Walt Thursday, August 9, 2012 - 10:40 AM", "Stephen M. Walt"},
		{"Von Anna Schmidt Donnerstag, 9. August 2012", "Anna Schmidt"},
		{"Jane Doe Mon., Aug. 6", "Jane Doe"},
		{"Ian LYNAMOctober 8, 2012", "Ian LYNAM"},
		{"PAUL OVERTON AT 11:03 AM", "PAUL OVERTON"},
		{"Tarun Jain, AdWords Product Manager", "Tarun Jain"},
		{"Debbie Jaffe, New Business Development Director, Latin America", "Debbie Jaffe"},
		{"Anna Schmidt, Redakteurin", "Anna Schmidt"},
		{"Jane Doe, John Roe", "Jane Doe, John Roe"},
		{"ROSS TUCKER AND JONATHAN DUGAS ON 5 NOVEMBER 2012", "ROSS TUCKER AND JONATHAN DUGAS"},
		{"MAYY EL SHEIKH", "MAYY EL SHEIKH"},
		{"Jane DoeThursday", "Jane Doe"},
		{"Emily Sun", "Emily Sun"},
		{"Joe Friday", "Joe Friday"},
		{"Sandra DeMay", "Sandra DeMay"},
		{"by BP Guest in Blogging Sense", "BP Guest"},
		{"About", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := cleanByline(tc.in); got != tc.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTextByline reads the byline of pasted text in the forms pages set
// it in: a "By" line under the title, names with a time, names beside a
// date line, in several languages.
func TestTextByline(t *testing.T) {
	body := "The council voted on Tuesday to close the old bridge for eight months of repairs, and drivers will be sent around the town."
	tests := []struct{ name, text, want string }{
		{"by line", "Menu\nHeadline about the bridge repairs\nBy Dana Whitfield\n\n" + body, "Dana Whitfield"},
		{"by line with date", "Headline about the bridge repairs\nby Sam Lee February 23, 2025 3:53 AM 2 min read\n\n" + body, "Sam Lee"},
		{"names and a time", "Headline about the bridge repairs\nAlex Perry 1 day ago\n\n" + body, "Alex Perry"},
		{"names over a date", "Headline about the bridge repairs\nHazel Sheffield\nFriday 25 December 2015\n\n" + body, "Hazel Sheffield"},
		{"names and the place filed from", "Headline about the bridge repairs\nTom Kington in Rome\nMonday 29 October 2012\n\n" + body, "Tom Kington"},
		{"German", "Brücke wird saniert\nVon Julia Vergin\n23. Februar 2025\n\n" + languageSamples["de"], "Julia Vergin"},
		{"Russian", "Мост закроют на ремонт\nАвтор: Иван Петров\n23 февраля 2025\n\n" + languageSamples["ru"], "Иван Петров"},
		{"in a category", "Headline about the bridge repairs\nPosted by Mirko Tanaka in Local News\n\n" + body, "Mirko Tanaka"},
		{"after a date", "Headline about the bridge repairs\non March 10, 2015 by Nikhil Marathe\n\n" + body, "Nikhil Marathe"},
		{"after separators", "La mairie ferme le vieux pont\nLe Courrier | 04.05.2015 à 13h36 | Par Martin Untersinger\n\n" + body, "Martin Untersinger"},
		{"under a caption", "Headline about the bridge repairs\n\n" + body + "\n\nThe old bridge at dawn. Photograph: Jo Bloggs\n\nImage\n\nBy Corey Kilgannon\n\n" + body, "Corey Kilgannon"},
		{"by alone, names linked under it", "Headline about the bridge repairs\nBy\nDan Levy\n(National Lead Writer) on August 8, 2012\n\n" + body, "Dan Levy"},
		{"names and a time over a section's name", "Headline about the bridge repairs\nTech Insider\nAlex Perry 1 day ago\n\n" + body, "Alex Perry"},
		{"names over a role and the source with a date", "Yahoo Finance\nMarkets\nHeadline about the bridge repairs\nBen Silverman\nGames Editor\nYahoo FinanceOctober 13, 2016\n\n" + body +
			"\n\nMore stories\nStocks slip as rates rise\nYahoo Finance\nWhat the bridge closure costs\nYahoo Finance", "Ben Silverman"},
		{"none", "Headline about the bridge repairs\n\n" + body, ""},
		// In scripts without capitals only a label marks names: a button
		// under a Japanese headline is none; "作者：" and "기자" mark them.
		{"Japanese share button", "政府 来年度予算案を閣議決定\n2023年12月22日 15時30分\nシェアする\n\n" + cjkBody, ""},
		{"Chinese label after the source", "国务院常务会议部署优化营商环境\n2023-06-13 15:30 来源：新华社 作者：张伟\n\n" + cjkBody, "张伟"},
		{"Arabic label", "البنك المركزي يرفع أسعار الفائدة\nبقلم أحمد محمود\n١٣ يونيو ٢٠٢٣\n\n" + cjkBody, "أحمد محمود"},
		{"Korean title after the name", "정부, 내년 예산안 확정\n입력 2023.08.29 15:30\n홍길동 기자\n\n" + koBody, "홍길동"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse([]byte(tc.text), Text, "x.txt", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tc.want {
				t.Errorf("byline %q, want %q (title %q)", a.Byline, tc.want, a.Title)
			}
		})
	}
}

func TestCutPublisher(t *testing.T) {
	pubs := []string{"WebMD", "The Daily Courier"}
	for _, tc := range []struct{ in, want string }{
		{"Kelli Miller WebMD Health News", "Kelli Miller"},
		{"İlker Başbuğ WebMD Health News", "İlker Başbuğ"}, // "İ" lower-cased is longer
		{"Ana Ruiz (WebMD)", "Ana Ruiz"},
		{"Ana Ruiz, The Daily Courier", "Ana Ruiz"},
		{"WebMD Staff", "WebMD Staff"}, // the publication's own byline is judged elsewhere
		{"By WebMD Staff", "By WebMD Staff"},
		{"the WebMD Wire Staff", "the WebMD Wire Staff"},
		{"Sam Webmdson", "Sam Webmdson"},
		{"Lee Park", "Lee Park"},
	} {
		if got := cutPublisher(tc.in, pubs); got != tc.want {
			t.Errorf("cutPublisher(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCommonWordsNotNames: a line of capitalised words the page writes
// in lower case elsewhere is a button or a section, not a byline; a
// name used in a handle is still a name.
func TestCommonWordsNotNames(t *testing.T) {
	body := "Sign up to our newsletter to view photos of the harbour, and subscribe for more. Ben Silverman is on Twitter at @ben_silverman."
	lower := lowerCaseWords([]string{body})
	for _, tc := range []struct {
		names  string
		common bool
	}{
		{"Subscribe To Our Newsletter", true},
		{"View Photos", true},
		{"Ben Silverman", false},
		{"Morag Lindsay", false},
	} {
		if got := commonWords(tc.names, lower); got != tc.common {
			t.Errorf("commonWords(%q) = %v, want %v", tc.names, got, tc.common)
		}
	}
	text := "Harbour ferries return after the winter storms\nSubscribe To Our Newsletter\n\n" + body + " " + body
	a, err := Parse([]byte(text), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "" {
		t.Errorf("byline %q from a button", a.Byline)
	}
}

// TestPhotoCreditIsNoByline: "Photo by" credits a photographer; the
// writer is the "By" line, wherever it stands.
func TestPhotoCreditIsNoByline(t *testing.T) {
	units := []string{"Photo by Ricardo Gomez Angel", "Share", "By Morag Lindsay"}
	if got := prefixedByline(units, []int{0, 1, 2}); got != "Morag Lindsay" {
		t.Errorf("byline %q", got)
	}
	if got := prefixedByline(units[:2], []int{0, 1}); got != "" {
		t.Errorf("a photo credit read as the byline: %q", got)
	}
}

// cjkBody and koBody are running text in Japanese and Korean, long
// enough to be a story's body.
var (
	cjkBody = strings.Repeat("政府は二十二日の臨時閣議で、一般会計の総額が過去最大となる来年度予算案を決定しました。防衛費や社会保障費の増加が続いています。\n\n", 4)
	koBody  = strings.Repeat("정부는 29일 국무회의를 열고 역대 최대 규모의 내년도 예산안을 확정했다. 기획재정부는 건전 재정 기조를 유지했다고 설명했다.\n\n", 4)
)
