package article

import "unicode"

// A copied page's body is found as the stretch densest in running text;
// on a page whose sidebar or live feed also holds paragraphs, that stretch
// runs on across the page furniture between them into another story.
// What holds for any story in any language: its paragraphs keep coming
// back to its words. The stretch is cut into parts at its gaps (runs of
// lines that are not running text), the part with the most running text
// is the story's core, and the parts after it are kept only while each
// shares enough of the words read so far. (The parts before the core are
// kept: the header, a standfirst and the lead stand there, and cutting
// them lost more on both development sets than it gained.)

// gapLines is how many lines that are not running text, one after
// another, part a stretch; minShared is the share of a part's content
// words the story so far must hold for the part to be the same story's.
const gapLines = 3

// sampleWords is how many words of a part are compared.
const sampleWords = 1000

const minShared = 0.15

// coherentSpan ends the body's span [start, end) after the last part that
// reads as the same story as its core.
func coherentSpan(units []string, weights []int, start, end int) (int, int) {
	type part struct{ from, to, words int }
	var parts []part
	cur := part{from: start, to: start}
	gap := 0
	for i := start; i < end; i++ {
		w := weights[i]
		if w < 0 {
			gap++
			if gap == gapLines && cur.words > 0 {
				// The gap's lines belong to neither part.
				cur.to = i - gapLines + 1
				parts = append(parts, cur)
				cur = part{from: i + 1, to: i + 1}
			} else if gap > gapLines {
				cur.from = i + 1
			}
			continue
		}
		gap = 0
		cur.words += w
		cur.to = i + 1
	}
	if cur.words > 0 {
		parts = append(parts, cur)
	}
	if len(parts) < 2 {
		return start, end
	}
	core := 0
	for i, p := range parts {
		if p.words > parts[core].words {
			core = i
		}
	}
	words := make([][]uint64, end-start) // each line's content words, read once
	wordsOf := func(i int) []uint64 {
		if words[i-start] == nil {
			words[i-start] = contentWordHashes(make([]uint64, 0, 16), units[i])
		}
		return words[i-start]
	}
	seen := map[uint64]struct{}{}
	// A story's vocabulary shows in its first words: each part lends at
	// most sampleWords words, and is judged by as many distinct ones, so
	// that a long page costs no more than a short one.
	add := func(p part) {
		n := 0
		for i := p.from; i < p.to && n < sampleWords; i++ {
			for _, w := range wordsOf(i) {
				seen[w] = struct{}{}
				n++
			}
		}
	}
	distinct := map[uint64]struct{}{}
	shares := func(p part) bool {
		clear(distinct)
		for i := p.from; i < p.to && len(distinct) < sampleWords; i++ {
			for _, w := range wordsOf(i) {
				distinct[w] = struct{}{}
			}
		}
		if len(distinct) == 0 {
			return false
		}
		n := 0
		for w := range distinct {
			if _, ok := seen[w]; ok {
				n++
			}
		}
		return float64(n) >= minShared*float64(len(distinct))
	}
	add(parts[core])
	last := core
	for last+1 < len(parts) && shares(parts[last+1]) {
		last++
		add(parts[last])
	}
	if last == len(parts)-1 {
		return start, end
	}
	return start, parts[last].to
}

// contentWordHashes appends a hash of each content word of t — its words
// of four letters or digits or more, lower-cased, without the punctuation
// around them — making no string of any: the headline's echo and the
// story's coherence compare words, not their text.
func contentWordHashes(out []uint64, t string) []uint64 {
	eachContentWord(t, func(full uint64, _ []uint64, _ int) { out = append(out, full) })
	return out
}

// wordForms calls yield for each content word of t (as contentWordHashes
// reads them) with the hashes of its forms: the word and its prefixes
// down to two letters shorter, four letters at least. Two words whose
// forms meet are one word inflected at its end ("aprova", "aprovou";
// "приняла", "принял"; "Wahl", "Wahlen"), wherever a language puts its
// endings there; words that differ before their last letters do not
// ("belief", "beyond").
func wordForms(t string, yield func(forms []uint64)) {
	eachContentWord(t, func(_ uint64, prefix []uint64, n int) {
		if n <= len(prefix) {
			yield(prefix[max(3, n-3):n])
		}
	})
}

// eachContentWord calls each for every content word of t with its hash,
// the hashes of its first 1, 2, … letters (up to 64) and its length.
func eachContentWord(t string, each func(full uint64, prefix []uint64, n int)) {
	const offset, prime = 14695981039346656037, 1099511628211
	var prefix [64]uint64
	h, n := uint64(offset), 0
	flush := func() {
		if n >= 4 {
			each(h, prefix[:min(n, len(prefix))], n)
		}
		h, n = offset, 0
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		h = (h ^ uint64(unicode.ToLower(r))) * prime
		if n < len(prefix) {
			prefix[n] = h
		}
		n++
	}
	flush()
}
