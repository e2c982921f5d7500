package textnorm

import (
	"regexp/syntax"
	"sort"
	"unicode"
)

// firstSet is the set of runes a regular expression's match can start
// with, so that the scanner tries a rule only where it could match (a
// money rule at "$", not at every word).
type firstSet struct {
	any    bool
	ranges []rune // pairs, lo–hi inclusive; sorted and merged by seal
	ascii  [128]bool
}

func (f *firstSet) has(r rune) bool {
	if f.any {
		return true
	}
	if r < 128 {
		return f.ascii[r]
	}
	// The first pair whose upper end is at or above r.
	lo, hi := 0, len(f.ranges)/2
	for lo < hi {
		mid := (lo + hi) / 2
		if f.ranges[2*mid+1] < r {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(f.ranges)/2 && f.ranges[2*lo] <= r
}

// seal sorts and merges the ranges and fills the ASCII table.
func (f firstSet) seal() firstSet {
	type pair struct{ lo, hi rune }
	var ps []pair
	for i := 0; i+1 < len(f.ranges); i += 2 {
		ps = append(ps, pair{f.ranges[i], f.ranges[i+1]})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].lo < ps[j].lo })
	out := firstSet{any: f.any}
	for _, p := range ps {
		if n := len(out.ranges); n > 0 && p.lo <= out.ranges[n-1]+1 {
			out.ranges[n-1] = max(out.ranges[n-1], p.hi)
			continue
		}
		out.ranges = append(out.ranges, p.lo, p.hi)
	}
	for r := rune(0); r < 128; r++ {
		for i := 0; i+1 < len(out.ranges); i += 2 {
			if r >= out.ranges[i] && r <= out.ranges[i+1] {
				out.ascii[r] = true
			}
		}
	}
	return out
}

// firstRunes computes the first set of expr. An expression that can match
// the empty string, or starts with something the computation does not
// follow, may start anywhere.
func firstRunes(expr string) firstSet {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return firstSet{any: true}
	}
	f, nullable := first(re.Simplify())
	if nullable {
		return firstSet{any: true}
	}
	return f.seal()
}

// first returns the first set of re and whether re matches the empty
// string.
func first(re *syntax.Regexp) (firstSet, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return firstSet{}, true
		}
		r := re.Rune[0]
		f := firstSet{ranges: []rune{r, r}}
		if re.Flags&syntax.FoldCase != 0 {
			for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
				f.ranges = append(f.ranges, c, c)
			}
		}
		return f, false
	case syntax.OpCharClass:
		return firstSet{ranges: append([]rune(nil), re.Rune...)}, false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return firstSet{any: true}, false
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpEndLine, syntax.OpEndText, syntax.OpWordBoundary,
		syntax.OpNoWordBoundary, syntax.OpEmptyMatch:
		return firstSet{}, true
	case syntax.OpCapture:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		f, _ := first(re.Sub[0])
		return f, true
	case syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpRepeat:
		f, nullable := first(re.Sub[0])
		return f, nullable || re.Min == 0
	case syntax.OpConcat:
		var out firstSet
		for _, sub := range re.Sub {
			f, nullable := first(sub)
			out = union(out, f)
			if !nullable {
				return out, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out firstSet
		nullable := false
		for _, sub := range re.Sub {
			f, n := first(sub)
			out = union(out, f)
			nullable = nullable || n
		}
		return out, nullable
	}
	return firstSet{any: true}, false
}

func union(a, b firstSet) firstSet {
	return firstSet{any: a.any || b.any, ranges: append(append([]rune(nil), a.ranges...), b.ranges...)}
}
