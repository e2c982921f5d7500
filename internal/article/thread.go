package article

import (
	"strings"
	"unicode"
)

// Many pages follow the article with its readers' comments, and a page's
// layout does not always name them: a blog's comments can be plain
// paragraphs in the same column as the post. What every thread has is
// the signature of each comment, a short line with a person's name and
// when they wrote ("Posted by: Ellen at September 10, 2012 11:40 AM",
// "Gina | 12 March 2012 14:02", "tRiSh said..."), over or under each
// comment, again and again to the end of the page. A live blog's entries
// carry times too, but no "said" and no name beside them, so they are not
// taken for a thread.

// threadMin is how many signatures make a thread; threadGap, at most how
// many blocks stand between two of them.
const threadMin, threadGap = 3, 12

// cutThread returns the blocks up to a thread of comments that runs to
// their end, or all of them when there is none. The article's first
// blocks (its header) are never cut.
func cutThread(blocks []Block) []Block {
	var marks []int
	for i := 3; i < len(blocks); i++ {
		if isSignature(blocks[i].Text) {
			marks = append(marks, i)
		}
	}
	if len(marks) < threadMin || len(blocks)-1-marks[len(marks)-1] > threadGap {
		return blocks
	}
	// The thread is the last run of signatures no further apart than
	// threadGap; it must reach the end.
	first := len(marks) - 1
	for first > 0 && marks[first]-marks[first-1] <= threadGap {
		first--
	}
	if len(marks)-first < threadMin {
		return blocks
	}
	return blocks[:marks[first]]
}

// isSignature reports a comment's signature: a short line that is a
// name saying something ("Ellen said...", "Gina says:"), or a name
// with a date or time ("Posted by: Ellen at September 10, 2012 11:40 AM").
func isSignature(t string) bool {
	n := wordCount(t)
	if n == 0 || n > 16 || strings.Contains(t, "(@") {
		// An embedded post's credit ("— Name (@handle) October 31,
		// 2021") quotes a source in the story; it signs no comment.
		return false
	}
	if n <= 6 && saidLine.MatchString(t) {
		return true
	}
	// A signature never ends as a sentence does (a reference's
	// "Retrieved 2 May 2016." does), but for a clock's "p.m.".
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(strings.ToLower(t), "m.") {
		return false
	}
	if strings.IndexFunc(t, unicode.IsDigit) < 0 {
		return false // no date or time without a digit
	}
	dated := !findDate(t).IsZero() || clockTime.MatchString(t)
	if !dated {
		return false
	}
	return signedBy.MatchString(t) || isNameAndTime(t)
}

var (
	// "Ellen said...", "Gina says:", as blogging platforms head a comment
	// in the languages aloud reads (a dit, sagte, dijo, disse, ha detto,
	// zei, powiedział, написал(а), написав(ла)); a quote's "Makali wrote:"
	// ends without the platform's ellipsis or colon after a "said".
	saidLine  = lazy(`(?i)^\S.{0,60}?\s(?:said|says|a dit|dit|sagte|schrieb|dijo|dice|disse|diz|ha detto|zei|zegt|powiedział[a]?|написал[а]?|пишет|написав|написала|каже)\s*(?:\.\.\.|…|:)\s*$`)
	signedBy  = lazy(`(?i)(?:^|\s)(?:posted|written|submitted|commented|replied)\s+by\b|^by\s|\s(?:said|says|wrote)\b|^\S+(?:\s\S+){0,3}\s+(?:on|at|\||–|—)\s+\S`)
	clockTime = lazy(`(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s|$)`)
)
