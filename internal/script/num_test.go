package script

import "testing"

func TestNumWords(t *testing.T) {
	for n, want := range map[uint64]string{123: "one hundred and twenty three", 18081: "eighteen thousand and eighty one", 18801: "eighteen thousand eight hundred and one", 1234: "one thousand two hundred and thirty four", 460: "four hundred and sixty", 9000: "nine thousand"} {
		if got := cardinal(n, true); got != want {
			t.Errorf("%d: %q want %q", n, got, want)
		}
	}
	if got := cardinal(123000012, false); got != "one hundred twenty three million twelve" {
		t.Error(got)
	}
	for y, want := range map[int]string{1976: "nineteen seventy six", 2012: "twenty twelve", 2002: "two thousand two", 1155: "eleven fifty five", 1905: "nineteen oh five"} {
		if got := year(y); got != want {
			t.Errorf("%d: %q", y, got)
		}
	}
	if ordinalWord("twenty three") != "twenty third" || ordinalWord("twenty") != "twentieth" || ordinalWord("one thousand") != "one thousandth" {
		t.Error(ordinalWord("twenty"))
	}
}
