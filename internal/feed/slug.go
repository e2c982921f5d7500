package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/aloud-dev/aloud/internal/store"
)

// MaxSlugLen bounds slugs so keys stay short in URLs and file systems.
const MaxSlugLen = 80

var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye", 'ж': "zh",
	'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'ð': "d", 'þ': "th", 'ł': "l", 'đ': "d", '&': " and ",
}

// ukrainian is the national romanization (Cabinet of Ministers resolution
// 55, 2010) where it differs from the Russian table: word-initial forms of
// є, ї, й, ю, я first, then the forms inside a word.
var ukrainian = map[rune][2]string{
	'г': {"h", "h"}, 'и': {"y", "y"}, 'є': {"ye", "ie"}, 'ї': {"yi", "i"}, 'й': {"y", "i"},
	'ю': {"yu", "iu"}, 'я': {"ya", "ia"}, 'х': {"kh", "kh"}, 'щ': {"shch", "shch"},
}

// isUkrainian reports letters that only Ukrainian uses.
func isUkrainian(s string) bool { return strings.ContainsAny(s, "іїєґІЇЄҐ") }

// Slugify makes a file- and URL-safe name from a title: lower-case ASCII
// letters, digits and single hyphens, at most MaxSlugLen long, cut at a
// word boundary. Accents are removed and Cyrillic is transliterated. A
// title with nothing usable gives "article-" and a short hash of it.
func Slugify(title string) string {
	var b strings.Builder
	hyphen := false
	uk := isUkrainian(title)
	wordStart := true
	// NFC first so that й and ї stay whole letters; accents on Latin
	// letters are then split off by NFKD one rune at a time.
	for _, r := range norm.NFC.String(strings.ToLower(title)) {
		s, ok := "", false
		if uk {
			if forms, found := ukrainian[r]; found {
				s, ok = forms[1], true
				if wordStart {
					s = forms[0]
				}
			}
		}
		if !ok {
			s, ok = translit[r]
		}
		if !ok {
			var kept []rune
			for _, d := range norm.NFKD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					kept = append(kept, d)
				}
			}
			s = strings.ToLower(string(kept)) // compatibility forms may decompose to capitals: ㍵ → "oV"
		}
		wordStart = !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		if r == 'ь' || r == 'ъ' || r == '\'' || r == '’' {
			wordStart = false
		}
		for _, c := range s {
			if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
				if hyphen && b.Len() > 0 {
					b.WriteByte('-')
				}
				hyphen = false
				b.WriteRune(c)
			} else {
				hyphen = true
			}
		}
	}
	slug := b.String()
	if len(slug) > MaxSlugLen {
		slug = slug[:MaxSlugLen]
		if i := strings.LastIndexByte(slug, '-'); i > MaxSlugLen/2 {
			slug = slug[:i]
		}
		slug = strings.Trim(slug, "-")
	}
	if slug == "" {
		sum := sha256.Sum256([]byte(title))
		slug = "article-" + hex.EncodeToString(sum[:4])
	}
	return slug
}

// reserved slugs would collide with the store's own files.
var reserved = map[string]bool{"feed": true, "episodes": true, "player": true, "index": true, "demo": true}

// SlugFor returns the slug of the episode with the GUID: its existing slug
// when it is in the catalog, otherwise the slug of the title made unique
// against every other episode by a numeric suffix.
func (c *Catalog) SlugFor(guid, title string) string {
	return c.SlugAvoiding(guid, title, nil)
}

// SlugAvoiding is SlugFor that also avoids the slugs claimed maps to
// other GUIDs: those taken by articles of the same batch still in flight.
func (c *Catalog) SlugAvoiding(guid, title string, claimed map[string]string) string {
	if e, ok := c.Find(guid); ok {
		return e.Slug
	}
	for slug, g := range claimed {
		if g == guid {
			return slug
		}
	}
	taken := map[string]bool{}
	for _, e := range c.Episodes {
		taken[e.Slug] = true
	}
	for slug := range claimed {
		taken[slug] = true
	}
	base := Slugify(title)
	slug := base
	for i := 2; taken[slug] || reserved[slug]; i++ {
		suffix := fmt.Sprintf("-%d", i)
		slug = strings.TrimRight(base[:min(len(base), MaxSlugLen-len(suffix))], "-") + suffix
	}
	return slug
}

// CheckSlug says whether slug can name an episode: a store key of one
// element (no folder, no "." or ".."), as Slugify and --slug make them.
func CheckSlug(slug string) error {
	if strings.Contains(slug, "/") || store.ValidKey(slug) != nil {
		return fmt.Errorf("%q is not a slug (the name of an episode's files without extension, e.g. city-council-approves-budget)", slug)
	}
	return nil
}
