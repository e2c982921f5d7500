package article

import (
	"regexp"
	"sync"
)

// pattern is a regular expression compiled on first use, so that the
// program's start-up (every command, most of which read no article) does
// not pay for the extractor's expressions.
type pattern struct{ re func() *regexp.Regexp }

func lazy(expr string) *pattern {
	return &pattern{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

func (p *pattern) MatchString(s string) bool              { return p.re().MatchString(s) }
func (p *pattern) FindString(s string) string             { return p.re().FindString(s) }
func (p *pattern) ReplaceAllString(s, repl string) string { return p.re().ReplaceAllString(s, repl) }
func (p *pattern) FindStringSubmatchIndex(s string) []int { return p.re().FindStringSubmatchIndex(s) }
func (p *pattern) FindStringSubmatch(s string) []string   { return p.re().FindStringSubmatch(s) }
