package article

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTitleEchoedByLead: of two headline-like lines over the story, the
// one whose words the story's first sentences take up is its headline,
// whichever stands nearer; the other is a teaser for another story.
func TestTitleEchoedByLead(t *testing.T) {
	headline := "Science graduates lack the skills employers need"
	teaser := "Weather warning issued for coastal towns tonight"
	body := "Science graduates are leaving university without the skills that employers say they need, a survey of businesses has found. " +
		"The employers questioned said graduates lacked practical experience in the laboratory and in writing reports. " +
		"Universities said they were already changing their courses to answer the criticism."
	for _, order := range [][]string{{headline, teaser}, {teaser, headline}} {
		text := strings.Join([]string{"Home", "News", order[0], order[1], body, body, body}, "\n\n")
		a, err := Parse([]byte(text), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != headline {
			t.Errorf("lines %q then %q: title %q", order[0], order[1], a.Title)
		}
	}
}

func TestEchoScore(t *testing.T) {
	lead := leadWords([]string{"Menu", "Science graduates lack skills, employers say."}, 1)
	for _, tc := range []struct {
		line string
		want int
	}{
		{"Science graduates lack skills", echoWeight},
		{"Graduates and the weather", echoWeight / 2}, // graduates, weather
		{"Weather warning tonight", 0},
		{"", 0},
		{"a b c", 0}, // no word of four letters
	} {
		if got := echoScore(tc.line, lead, -1); got != tc.want {
			t.Errorf("echoScore(%q) = %d, want %d", tc.line, got, tc.want)
		}
	}
	// The forms of a word meet: a word and its inflections two letters
	// longer or shorter, not words that differ before their ends.
	forms := leadWords([]string{"O Congresso Nacional aprovou o novo arcabouço fiscal.", "Госдума приняла закон о рубле."}, 0)
	for _, tc := range []struct {
		line string
		want int
	}{
		{"Congresso aprova arcabouço", echoWeight}, // aprova, aprovou
		{"Госдума принял закон", echoWeight},       // принял, приняла
		{"Congressional approval", 0},              // congressional: more than two letters past "congresso"
		{"Fiscalização ambiental", 0},              // fiscalização is not fiscal: too much longer
	} {
		if got := echoScore(tc.line, forms, -1); got != tc.want {
			t.Errorf("echoScore(%q) = %d, want %d", tc.line, got, tc.want)
		}
	}
	// A line of the lead itself is no echo of the lead.
	if got := echoScore("Science graduates lack skills, employers say.", lead, 1); got != 0 {
		t.Errorf("the lead's own line scored %d", got)
	}
}

// copiedPage joins lines as a browser's copy of a page sets them: a line
// each, paragraphs apart.
func copiedPage(lines ...string) []byte {
	return []byte(strings.Join(lines, "\n\n"))
}

// storyBody is three paragraphs of running text that take up the words
// of storyHeadline.
const storyHeadline = "Harbour ferries return after the winter storms"

var storyBody = []string{
	"Harbour ferries returned to their winter timetable on Monday after three weeks of storms kept most of the fleet in port, the operator said.",
	"Passengers queued from early morning at the main pier, and the first crossing left on time for the first time since the start of the month.",
	"The operator said repairs to two of the landing stages would take until the spring, and that some crossings would stop at the town pier instead.",
}

// TestCopiedHeaderUnderStandfirst: a page that sets its standfirst first,
// then share buttons, the writer's name and the date, before the story:
// the byline and the date under the standfirst are the article's.
func TestCopiedHeaderUnderStandfirst(t *testing.T) {
	text := copiedPage(append([]string{"Home", "News", "Local",
		storyHeadline,
		"The crossings stopped for three weeks while storms closed the harbour mouth and damaged two of the landing stages along the estuary.",
		"Share", "Email", "Print",
		"Morag Lindsay",
		"Monday 3 March 2025 08.15 GMT",
	}, storyBody...)...)
	a := checkCopiedHeader(t, text, "Morag Lindsay", "2025-03-03")
	for _, b := range a.Blocks {
		if b.Text == "Morag Lindsay" || strings.HasPrefix(b.Text, "Monday 3 March") {
			t.Errorf("header line %q read as body", b.Text)
		}
	}
}

// TestCopiedHeadlineOverDeck: of two headline-like lines over the share
// buttons and the byline, the headline is the first, not the deck under
// it, though the deck stands nearer the byline and the story.
func TestCopiedHeadlineOverDeck(t *testing.T) {
	deck := "Operator says repairs to two landing stages will take until spring"
	text := copiedPage(append([]string{"Menu", "Search", storyHeadline, deck, "Share", "By Morag Lindsay", "3 March 2025"}, storyBody...)...)
	a, err := Parse(text, Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline || a.Byline != "Morag Lindsay" {
		t.Errorf("title %q, byline %q", a.Title, a.Byline)
	}
}

// TestCopiedBylineBesideWrongTitle: when the line taken for the title is
// not the article's (here a teaser under the byline), a "By" line above
// it, by the body's start, still names the writer.
func TestCopiedBylineBesideWrongTitle(t *testing.T) {
	teaser := "Five things to do in the city this weekend"
	lines := []string{storyHeadline, "By Morag Lindsay", "Share", "Email", "Print", teaser, "Updated 2 hours ago"}
	units := append(lines, storyBody...)
	start := len(lines)
	if got := textByline(units, 5, start, start+3, len(units)); got != "Morag Lindsay" {
		t.Errorf("byline %q", got)
	}
	if got := prefixedByline(units, []int{6, 5, 4, 3, 2, 1, 0}); got != "Morag Lindsay" {
		t.Errorf("prefixedByline %q", got)
	}
}

// TestHeaderEnd: the header reaches the body's second line of running
// text, three lines into the body at least and headerBody at most.
func TestHeaderEnd(t *testing.T) {
	for _, tc := range []struct {
		weights []int
		want    int
	}{
		{[]int{30, 20, 25, 40}, 3},                                      // paragraphs: three lines in
		{[]int{30, -4, -3, -4, -4, -5, -4, 40, 30}, 7},                  // standfirst, buttons, byline, date
		{[]int{30, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, 40}, 10}, // capped
		{[]int{30, -4}, 2},                                              // the end
	} {
		if got := headerEnd(tc.weights, 0, len(tc.weights)); got != tc.want {
			t.Errorf("headerEnd(%v) = %d, want %d", tc.weights, got, tc.want)
		}
	}
}

// TestCopiedTitleAboveGallery: a headline and byline over a gallery's
// twenty lines of controls and credits are still the article's, found
// past headerReach; a teaser as far up with nothing under it is not.
func TestCopiedTitleAboveGallery(t *testing.T) {
	lines := []string{"Menu", storyHeadline, "By Morag Lindsay"}
	for i := 1; i <= 10; i++ {
		lines = append(lines, "Image", "Credit: Harbour Board")
	}
	a, err := Parse(copiedPage(append(lines, storyBody...)...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline || a.Byline != "Morag Lindsay" {
		t.Errorf("title %q, byline %q", a.Title, a.Byline)
	}
}

// TestCopiedBodyAcrossTable: a table or a code listing between the
// story's paragraphs is part of the article and costs nothing, however
// long; the story is read from its first paragraph, under its headline.
func TestCopiedBodyAcrossTable(t *testing.T) {
	lines := []string{"Home", "News", storyHeadline, "By Morag Lindsay", storyBody[0]}
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("%d │ %d.%03d │ t │ f", i, i*7, i*13))
	}
	lines = append(lines, storyBody[1:]...)
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline {
		t.Errorf("title %q", a.Title)
	}
	if len(a.Blocks) == 0 || a.Blocks[0].Text != storyBody[0] {
		t.Errorf("the body does not start with the story's first paragraph: %+v", a.Blocks)
	}
}

// TestCopiedBodyPastSiteLinks: "Previous post" and "Next post" over a
// story do not end the search when what was read before them is a
// site's blurbs; "Comments" after a story still does.
func TestCopiedBodyPastSiteLinks(t *testing.T) {
	blurbs := []string{
		"Game Video: Reviews, previews and insider info from our gaming guru.",
		"Footnotes: A satirical yet informative exploration of the ideas of the week.",
		"Observation Deck: A weekly look at stories shaping and shaped by the world.",
		"Danger Room: What's next in national security, from the desk of our editors.",
	}
	lines := append(append([]string{"Home"}, blurbs...), "Previous post", "Next post", storyHeadline, "By Morag Lindsay")
	lines = append(append(lines, storyBody...), "Comments", "I took the first crossing this morning and it was packed to the rails, as it always is after a storm.")
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, b.Text)
	}
	if strings.Join(got, "\n") != strings.Join(storyBody, "\n") {
		t.Errorf("body:\n%s", strings.Join(got, "\n"))
	}
}

// TestCopiedBodyPastBioAndCommentsLink: a writer's one-paragraph bio and
// a "Comments" link over the story do not end the search.
func TestCopiedBodyPastBioAndCommentsLink(t *testing.T) {
	bio := "Morag Lindsay is a transport writer who studied English and Geography at the university. Once upon a time she was the news intern for the weekly, and in between stories she worked as a deckhand for two summers. After graduating she returned to the paper as a full-time reporter. She counts sailing, running, musical theatre and long walks on the cliffs among her interests. → Learn More"
	lines := append([]string{"Home", storyHeadline, "Morag Lindsay", bio, "Comments"}, storyBody...)
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) == 0 || a.Blocks[0].Text != storyBody[0] {
		t.Errorf("the body does not start with the story: %+v", a.Blocks)
	}
}

// TestCopiedControlsAreNoByline: a line of a page's controls in
// capitalised words ("View Photos", "Next Previous") under the headline
// names no writer.
func TestCopiedControlsAreNoByline(t *testing.T) {
	for _, controls := range []string{"View Photos", "Next Previous", "Enlarge Photo", "Report Abuse"} {
		a, err := Parse(copiedPage(append([]string{"Home", storyHeadline, controls, "3 March 2025"}, storyBody...)...), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != "" {
			t.Errorf("%q read as the byline %q", controls, a.Byline)
		}
	}
}

// TestLowerCaseLineIsNoHeadline: a line that starts in lower case is a
// control's or a comment's, never the headline; a product's name that
// starts so ("iPhone", "x86") still heads one.
func TestLowerCaseLineIsNoHeadline(t *testing.T) {
	for line, want := range map[string]bool{
		"subscribe to my feed":                false,
		"we're expecting you in denmark then": false,
		"iPhone 15 review: a better camera":   true,
		"x86 processor shipments drop in Q3":  true,
		"Harbour ferries return after storms": true,
		// A smiley is a chat's or a widget's, not a headline's.
		"Hello stranger, let’s connect :-)":         false,
		"Wish I could think this way more often :)": false,
		"Ferries: 3 routes (D) return on Monday":    true,
	} {
		if got := isHeadline(line); got != want {
			t.Errorf("isHeadline(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestCopiedTitleWithoutCounter: a count of comments run into the
// headline goes when the page prints the headline alone too.
func TestCopiedTitleWithoutCounter(t *testing.T) {
	units := []string{"Steve Jobs' Yacht Revealed 40", "Steve Jobs' Yacht Revealed More | Reply", "Steve Jobs' Yacht Revealed"}
	if got := withoutCounter(units[0], units); got != "Steve Jobs' Yacht Revealed" {
		t.Errorf("got %q", got)
	}
	for _, title := range []string{"Windows 11", "Skepchick Quickies 10.29", "Top 10"} {
		if got := withoutCounter(title, []string{title, "Windows", "Top"}); got != title {
			t.Errorf("%q cut to %q", title, got)
		}
	}
}

// TestCopiedSignatureAtFoot: a blog signs its post under the last
// paragraph ("Posted by … on …"); with no byline over the story, that
// names the writer and dates the post. A commenter's "Posted by" further
// down, past the comment count, names nobody.
func TestCopiedSignatureAtFoot(t *testing.T) {
	for _, tc := range []struct {
		name   string
		foot   []string
		byline string
		date   string
	}{
		{"signature", []string{"Posted by Morag Lindsay on March 3, 2025 | Permalink", "Comments (2)"}, "Morag Lindsay", "2025-03-03"},
		{"after tags", []string{"Tags: ferries, weather", "By Morag Lindsay"}, "Morag Lindsay", ""},
		{"a comment's", []string{"Share", "Email", "2 comments", "Posted by Ian Reader on March 4, 2025"}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := append(append([]string{"Home", "Blog", storyHeadline}, storyBody...), tc.foot...)
			a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tc.byline {
				t.Errorf("byline %q, want %q", a.Byline, tc.byline)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.date {
				t.Errorf("date %q, want %q", got, tc.date)
			}
			for _, b := range a.Blocks {
				if strings.Contains(b.Text, "Posted by") {
					t.Errorf("signature %q read as body", b.Text)
				}
			}
		})
	}
}

// TestCopiedFurnitureInOtherLanguages: a German and a French site's copy
// print their menus, teasers, comments and legal links in their own
// language; the story is read without them.
func TestCopiedFurnitureInOtherLanguages(t *testing.T) {
	for _, tc := range []struct {
		lang, headline      string
		lines, header, body []string
		furniture           []string
	}{
		{"de", "Stadtrat beschließt Sperrung der alten Brücke",
			[]string{"Zum Inhalt springen", "Startseite", "Politik", "Suche", "Anmelden"},
			[]string{"Nur für Abonnenten", "3 Min. Lesezeit"},
			[]string{
				"Der Stadtrat hat am Dienstag beschlossen, die alte Flussbrücke für acht Monate zu sperren, damit sie saniert werden kann.",
				"Autofahrer werden während der Bauarbeiten über die Umgehungsstraße im Industriegebiet geleitet, teilte die Stadtverwaltung mit.",
				"Die Kosten der Sanierung werden auf rund zwölf Millionen Euro geschätzt; ein Teil soll vom Land übernommen werden.",
			},
			[]string{"Artikel teilen", "Kommentare (12)",
				"Die Sperrung der Brücke ist seit Jahren überfällig, endlich saniert der Stadtrat die alte Flussbrücke.",
				"Acht Monate Umleitung durch das Industriegebiet sind für Autofahrer und Anwohner eine Zumutung.",
				"Zwölf Millionen Euro für eine Brücke, während die Schulen der Stadt verfallen, das ist zu viel.",
				"Impressum", "Datenschutz"}},
		{"fr", "Le conseil municipal ferme le vieux pont",
			[]string{"Aller au contenu", "Accueil", "Rechercher", "Se connecter"},
			[]string{"Article réservé aux abonnés", "Lecture 4 min."},
			[]string{
				"Le conseil municipal a voté mardi la fermeture du vieux pont pendant huit mois pour des travaux de rénovation.",
				"Les automobilistes seront déviés par la rocade de la zone industrielle pendant toute la durée du chantier, a indiqué la mairie.",
				"Le coût des travaux est estimé à douze millions d'euros, dont une partie sera prise en charge par la région.",
			},
			[]string{"Partager", "Commentaires",
				"Il était temps que le conseil municipal ferme ce vieux pont, il tombait en ruine depuis des années.",
				"Huit mois de déviation par la rocade de la zone industrielle, les automobilistes vont souffrir.",
				"Douze millions d'euros pour un pont alors que les écoles de la ville attendent des travaux.",
				"Mentions légales", "Tous droits réservés"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			lines := append(append(append(append(append([]string{}, tc.lines...), tc.headline), tc.header...), tc.body...), tc.furniture...)
			a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.headline {
				t.Errorf("title %q", a.Title)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.body, "\n"))
			}
		})
	}
}

// TestOneWordEcho: on a blog about one product a link with its name
// ("Go to AdWords") takes up the lead's key word, but one word tells
// nothing: a line's echo counts from two content words.
func TestOneWordEcho(t *testing.T) {
	base := titleSignals{threeWords: true}
	one, two := base, base
	one.echoHit, one.echoOf = 1, 1
	two.echoHit, two.echoOf = 2, 2
	w := fittedTitleWeights
	if w.score(one) != w.score(base) {
		t.Errorf("one echoed word scored %d, none %d", w.score(one), w.score(base))
	}
	if w.score(two) != w.score(base)+w.echo {
		t.Errorf("two echoed words scored %d, want %d", w.score(two), w.score(base)+w.echo)
	}
}

// TestCopiedHeadlineOverPlayerAndCredit: between a news page's headline
// and its byline stand a standfirst, an audio player's button, a share
// button and its counter, and a photo's caption with its credit; the
// furniture does not push the byline out of the headline's reach, and a
// caption that ends in a credit is no headline.
func TestCopiedHeadlineOverPlayerAndCredit(t *testing.T) {
	lines := append([]string{"Skip to content", "Skip to site index", "World", "Business", "Advertisement", "SKIP ADVERTISEMENT", "Supported by",
		storyHeadline, "The operator says two landing stages need repairs before the spring.",
		"Listen to this article · 5:12 min Learn more", "Share full article", "128",
		"Passengers at the main pier on Monday.Credit...Jane Roe for The Courier",
		"By Dana Whitfield and Sam Lee", "March 4, 2025"}, storyBody...)
	a := checkCopiedHeader(t, copiedPage(append(lines, "Advertisement", "Site Index", "© 2025 The Courier")...), "Dana Whitfield and Sam Lee", "2025-03-04")
	// The standfirst opens the story, the player's and the photo's
	// lines are not read.
	body := bodyText(a)
	if !strings.HasPrefix(body, "The operator says two landing stages need repairs before the spring.\n"+storyBody[0]) || strings.Contains(body, "Advertisement") {
		t.Errorf("body:\n%s", body)
	}
}

// TestCopiedNameUnderShareButtons: a byline without "By" ("Dana
// Whitfield" over "BBC News, Plymouth") stands under the date and the
// share and save buttons, which do not push it out of the headline's
// reach.
//
// The date may be a time ago, far above the body past the photo's
// credit and caption: followed by the writer's name, it is the
// article's header, not a teaser's.
func TestCopiedNameUnderShareButtons(t *testing.T) {
	for _, date := range []string{"4 March 2025", "2 hours ago"} {
		lines := append([]string{"Skip to content", "Home", "News", "Sport", storyHeadline, date, "Share", "Save",
			"Dana Whitfield", "BBC News, Plymouth", "Getty Images", "Passengers queued at the main pier"}, storyBody...)
		a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != storyHeadline || a.Byline != "Dana Whitfield" || a.Published.IsZero() {
			t.Errorf("%s: title %q, byline %q, date %v", date, a.Title, a.Byline, a.Published)
		}
	}
}

// checkCopiedHeader reads a copied page and checks that it finds
// storyHeadline, byline and the date (YYYY-MM-DD).
func checkCopiedHeader(t *testing.T, text []byte, byline, date string) Article {
	t.Helper()
	a, err := Parse(text, Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline {
		t.Errorf("title %q", a.Title)
	}
	if a.Byline != byline {
		t.Errorf("byline %q", a.Byline)
	}
	if got := a.Published.Format(time.DateOnly); got != date {
		t.Errorf("date %s", got)
	}
	return a
}

// TestIsCredit tells a photo's credit from a line that says "credit".
func TestIsCredit(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Carolyn Kaster / AP", true},
		{"Passengers at the main pier on Monday.Credit...Jane Roe for The Courier", true},
		{"The bridge in 1921. Photo credit: City archive", true},
		{"Die Brücke im Frühjahr. (Foto: dpa)", true},
		{"Photograph: Jane Roe/The Guardian", true},
		{"1/2 cup sugar", false},
		{"$7/month", false},
		{"Previous 1 / 13 Next", false},
		{"Banks tighten credit as rates rise", false},
		{"Council gives itself credit for bridge repairs", false},
		{"Tax credits for families to rise in April", false},
	} {
		if got := isCredit(tc.line); got != tc.want {
			t.Errorf("isCredit(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestCopiedCommentFormIsNoBody: a short post over a blog's comment form,
// whose notes are sentences longer than the post's paragraphs: the form
// is never the article, in English or in a WordPress of another language.
func TestCopiedCommentFormIsNoBody(t *testing.T) {
	for _, form := range [][]string{
		{"Your email address will not be published. Required fields are marked *",
			`You may use these HTML tags and attributes: <a href="" title=""> <abbr title=""> <acronym title=""> <b> <blockquote cite=""> <cite> <code> <del datetime=""> <em> <i> <q cite=""> <strike> <strong>`,
			"Notify me of follow-up comments by email, and of new posts as they are written by the author of this blog.",
			"This is only a preview. Your comment has not yet been posted, and it will appear here once the moderators have approved what you wrote."},
		{"Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert, und du kannst deinen Kommentar später noch bearbeiten, wenn du angemeldet bist.",
			"Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere, damit ich sie nicht erneut eingeben muss."},
	} {
		lines := append([]string{"Menu", storyHeadline, "By Morag Lindsay", "3 March 2025"}, storyBody[:2]...)
		a, err := Parse(copiedPage(append(lines, form...)...), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.TrimSuffix(bodyText(a), "\n"), strings.Join(storyBody[:2], "\n"); got != want {
			t.Errorf("body\n%s\nwant\n%s", got, want)
		}
	}
}

// TestCopiedTeasersInsideBody: a teaser's heading or a pointer to another
// story set between the story's paragraphs ("Related stories", "Read
// more: <headline>", a newsletter's "Sign up to …") is not read; a
// sentence after "Read more:" is the story's own.
func TestCopiedTeasersInsideBody(t *testing.T) {
	own := "Read more: the council's report runs to 300 pages and names every contractor."
	lines := []string{"Menu", storyHeadline, "By Morag Lindsay", "3 March 2025", storyBody[0], "Related stories", "Read more: Ferry operator warns of winter delays",
		"Sign up to Morning Briefing", storyBody[1], "SEE ALSO: The History of Harbour Ferries", own, storyBody[2]}
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{storyBody[0], storyBody[1], own, storyBody[2]}
	if got := strings.TrimSuffix(bodyText(a), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("body\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// TestLabelLines: a box's title and a post's list of labels are no
// headline and no body; a paragraph glued to a label is still a story's.
func TestLabelLines(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"From around the web", true},
		{"About the author", true},
		{"Tags: Life at Home, Nothing to Do With Travel, Random Musings", true},
		{"Filed under: Dressings, Sauces, Dips and Spreads", true},
		{"Posted in: Politics", true},
		{"Labels: adwords, Hangout on Air", true},
		{"Schlagwörter: Verkehr, Brücke", true},
		{"Теги: мост, ремонт", true},
		{"Об авторе", true},
		{"Filed under: Latest News The production of the iOn has been suspended. Sales are low.", false},
		{"Topics of the council's meeting ran late into the night", false},
		{"The web of tunnels under the bridge", false},
	} {
		if got := isTeaserLine(c.line); got != c.want {
			t.Errorf("isTeaserLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	lines := []string{"Menu", "Tags: Harbour, Ferries", storyHeadline, "By Morag Lindsay", "3 March 2025", storyBody[0], storyBody[1], storyBody[2],
		"Filed under: Harbour, Ferries", "About the author", "From around the web"}
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline {
		t.Errorf("title %q, want %q", a.Title, storyHeadline)
	}
	if got, want := strings.TrimSuffix(bodyText(a), "\n"), strings.Join(storyBody[:3], "\n"); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
}

// TestControlLines: a control's words are the page's, never a headline;
// a headline that merely starts as one is not.
func TestControlLines(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Send to a Friend", true},
		{"Email this story to a friend", true},
		{"Like us on Facebook", true},
		{"Follow me on twitter", true},
		{"Subscribe to this blog's feed", true},
		{"Translate This Blog", true},
		{"Previous 1 / 7 Next", true},
		{"Email ThisBlogThis!Share to TwitterShare to Facebook", true},
		{"You are here: Home / NHL / No Trade Idea", true},
		{"Follow us on Facebook and Instagram for updates", true},
		{"Send the bill to a friend: why splitting costs works", false},
		{"Translate this: the council's new rules in plain words", false},
	} {
		if got := isBoilerplate(c.line); got != c.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	if !navigation("Home • Briefing Room • Your Weekly Address") || !navigation("Shopping · Paul And Joe · Winter Fashion") || navigation("Ferries · the winter timetable") {
		t.Error("two bullets or middle dots make a breadcrumb, one does not")
	}
	lines := []string{"Menu", "Send to a Friend", storyHeadline, "By Morag Lindsay", "3 March 2025", "Like us on Facebook", storyBody[0], storyBody[1], storyBody[2]}
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != storyHeadline {
		t.Errorf("title %q, want %q", a.Title, storyHeadline)
	}
}

// TestCopiedNewsletterBox: a newsletter's promotion set between a
// story's paragraphs is not read, its blurb included; a subheading
// between two "Advertisement" lines is.
func TestCopiedNewsletterBox(t *testing.T) {
	last := "Passengers at the main pier said the first crossing of the morning left on time, and that more crossings would follow this month."
	lines := []string{"Menu", storyHeadline, "By Morag Lindsay", "3 March 2025", storyBody[0],
		"Free daily newsletter", "Our morning email breaks down the key stories of the day",
		"Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
		"after newsletter promotion", storyBody[1], "Advertisement", "What the operator said", "Advertisement", last}
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{storyBody[0], storyBody[1], "What the operator said", last}
	if got := strings.TrimSuffix(bodyText(a), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("body\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// TestStoryControls: a story's controls in the languages aloud reads
// most are the page's words; a story's sentence that begins as one is
// not.
func TestStoryControls(t *testing.T) {
	for _, line := range []string{"Zur Startseite", "Artikel anhören", "Zur Merkliste hinzufügen", "Weiterlesen", "Bild vergrößern",
		"Fehler gefunden? Jetzt melden.", "Lire la suite", "Écouter cet article", "Seguir leyendo", "Leggi di più", "Lees verder",
		"Czytaj dalej", "Читать далее", "Читати далі", "Continue reading", "Back to top", "Enlarge this image", "Gift this article",
		"Ouvir o texto", "Écouter l'article", "Lyssna på artikeln", "Слушать статью", "記事を聞く"} {
		if !isBoilerplate(line) {
			t.Errorf("isBoilerplate(%q) = false", line)
		}
	}
	for _, line := range []string{"Weiterlesen lohnt sich nicht, sagt der Stadtrat.", "Continue reading the report, the council said.", "Back to top form, the team won."} {
		if isBoilerplate(line) {
			t.Errorf("isBoilerplate(%q) = true", line)
		}
	}
}

// TestCopiedConsentNotice: a site's cookie notice runs to a paragraph as
// long as the story's; it is not read, whatever its length, and in any
// of the languages aloud reads most.
func TestCopiedConsentNotice(t *testing.T) {
	notice := "We use cookies and similar technologies to improve your browsing experience, personalize content and offers, show targeted ads, analyze traffic, and better understand you. We may share your information with third-party partners for marketing purposes. To learn more and make choices about data use, visit our Advertising Policy and Privacy Policy. By clicking Accept and Continue below, you consent to the use of cookies and your information."
	text := copiedPage(append([]string{"Menu", "Search", "Please accept our privacy terms", notice, "ACCEPT AND CONTINUE", storyHeadline, "By Morag Lindsay", "3 March 2025"}, storyBody...)...)
	a, err := Parse(text, Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range a.Blocks {
		if b.Text == notice {
			t.Error("the cookie notice was read")
		}
	}
	if a.Title != storyHeadline {
		t.Errorf("title %q", a.Title)
	}
	for _, s := range []string{notice, "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können. " + strings.Repeat("Mehr dazu in unserer Datenschutzerklärung. ", 10),
		"Nous utilisons des cookies pour améliorer votre expérience. " + strings.Repeat("Vous pouvez modifier vos choix à tout moment. ", 10),
		"Utilizamos cookies propias y de terceros para mejorar nuestros servicios. " + strings.Repeat("Puede cambiar la configuración u obtener más información. ", 8)} {
		if !isBoilerplate(s) {
			t.Errorf("not a consent notice: %.60q", s)
		}
	}

}

// TestCopiedNordicAndMorePages: the commonest furniture lines in
// Swedish, Danish, Norwegian, Finnish, Czech, Turkish and Indonesian
// are not read from a copied page, nor taken for its title.
func TestCopiedNordicAndMorePages(t *testing.T) {
	headline := "Färjorna återvänder till hamnen efter vinterns stormar"
	body := []string{
		"Hamnens färjor återgick till sin vintertidtabell på måndagen efter tre veckor av stormar som höll större delen av flottan i hamn, uppger operatören.",
		"Passagerare köade från tidig morgon vid huvudpiren, och den första överfarten gick i tid för första gången sedan början av månaden.",
		"Operatören säger att reparationerna av två av tilläggsplatserna tar till våren, och att vissa turer stannar vid stadspiren i stället.",
	}
	furniture := []string{"Hoppa till innehållet", "Meny", "Sök", "Logga in", "Prenumerera", "Mest lästa", "Läs också: Ny busslinje från måndag",
		"Dela", "Skriv ut", "Lyssna", "Annons", "Kommentarer", "Alla rättigheter förbehållna © 2026", "Integritetspolicy"}
	lines := append([]string{furniture[0], furniture[1], furniture[2], furniture[3], furniture[4], headline, "Av Anna Lindqvist", "3 mars 2025", furniture[7], furniture[8], furniture[9]},
		body[0], furniture[10], body[1], body[2], furniture[5], furniture[6], furniture[11], furniture[12], furniture[13])
	a, err := Parse(copiedPage(lines...), Text, "copied.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != headline || a.Byline != "Anna Lindqvist" {
		t.Errorf("title %q, byline %q", a.Title, a.Byline)
	}
	var read []string
	for _, b := range a.Blocks {
		read = append(read, b.Text)
	}
	if !slices.Equal(read, body) {
		t.Errorf("read %q", read)
	}
	for _, line := range []string{"Siirry sisältöön", "Lue lisää", "Luetuimmat", "Přečtěte si také: Nová linka", "Nejčtenější", "Tüm hakları saklıdır.",
		"İlgili Haberler", "Baca juga: Jalur baru", "Berita Terkait", "Læs også: Ny buslinje", "Les også: Ny busslinje", "Mest læste"} {
		if !isBoilerplate(line) && !isTeaserLine(line) && !isStopLine(line) {
			t.Errorf("%q read as the story's", line)
		}
	}
}

// TestCopiedCJKFurniture: a Chinese, Japanese or Korean page's menus,
// share buttons, teasers' headings and comment heading, with or without
// a full-width colon, are not the story's.
func TestCopiedCJKFurniture(t *testing.T) {
	for _, line := range []string{"首页", "分享到：", "转播到腾讯微博", "返回顶部", "相关阅读：", "下一篇：新的公交线路", "评论", "版权所有 © 2026",
		"シェア", "ツイート", "関連記事", "続きを読む", "コメント", "공유하기", "관련기사", "많이 본 뉴스", "댓글", "무단 전재 및 재배포 금지"} {
		if !isBoilerplate(line) && !isTeaserLine(line) && !isStopLine(line) && !isSiteLink(line) {
			t.Errorf("%q read as the story's", line)
		}
	}
	for _, line := range []string{"分享经济正在改变城市交通。", "コメントを求められた市長は答えなかった。", "공유 자전거가 다시 운행된다."} {
		if isBoilerplate(line) || isTeaserLine(line) || isStopLine(line) {
			t.Errorf("%q taken for furniture", line)
		}
	}
}

// TestCopiedNewsInTenLanguages: news pages as a browser copies them, in
// ten languages, each with its menus, login and subscribe links, a
// section's name, headline, standfirst, byline, date, reading time,
// share and listen buttons, an advertisement's label inside the story,
// a teaser, "most read" and the comments' heading
// (testdata/pasted/news-*.txt). The headline, the writers, the date and
// the language are found, and the standfirst and the story's paragraphs
// are read, nothing else.
func TestCopiedNewsInTenLanguages(t *testing.T) {
	for _, tc := range []struct{ lang, title, byline string }{
		{"de", "Bundestag beschließt Förderprogramm für Wärmepumpen in Mietshäusern", "Anna Schmidt und Peter Müller"},
		{"fr", "Le Sénat adopte la réforme du financement des transports régionaux", "Jean Dupont et Marie Lefèvre"},
		{"es", "El Gobierno aprueba un plan de ayudas para rehabilitar viviendas antiguas", "María López y Juan Pérez"},
		{"pt", "Governo anuncia programa de crédito para pequenas empresas do Nordeste", "Ana Souza"},
		{"ru", "Правительство утвердило программу ремонта сельских школ", "Иван Петров"},
		{"sv", "Regeringen höjer stödet till kollektivtrafiken på landsbygden", "Anna Lindqvist"},
		{"it", "Il governo approva il piano per le scuole delle aree interne", "Marco Rossi e Giulia Bianchi"},
		{"nl", "Kabinet trekt extra geld uit voor onderhoud van dijken in het rivierengebied", "Jan de Vries"},
		{"pl", "Rząd przyjął program wymiany pieców w małych miastach", "Jan Kowalski"},
		{"ja", "政府、地方の公共交通に追加支援 バス路線の維持へ", "山田太郎"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pasted", "news-"+tc.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(data, Text, "news.txt", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.Byline != tc.byline || a.Language != tc.lang || a.Published.Format(time.DateOnly) != "2026-12-03" {
				t.Errorf("title %q, byline %q, language %q, date %s", a.Title, a.Byline, a.Language, a.Published.Format(time.DateOnly))
			}
			// What is to be read: the lines of running text, the
			// standfirst's and the story's, told by how the files were
			// written (each ends with a full stop and is 60 bytes long
			// or more; no line of furniture is), not by the reader's own
			// isSentence.
			var want, got []string
			for _, l := range strings.Split(string(data), "\n") {
				if l = strings.TrimSpace(l); (strings.HasSuffix(l, ".") || strings.HasSuffix(l, "。")) && len(l) >= 60 {
					want = append(want, l)
				}
			}
			for _, b := range a.Blocks {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("read %q\nwant %q", got, want)
			}
		})
	}
}
