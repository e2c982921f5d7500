package article_test

import (
	"fmt"

	"github.com/aloud-dev/aloud/internal/article"
)

func ExampleParse() {
	page := `<!doctype html><html lang="en"><head><title>Bridge closes | The Courier</title></head><body>
<nav>Home · News</nav><article><h1>Bridge closes for repairs</h1><p class="byline">By Ana Ruiz</p>
<p>The old bridge closes on Monday for three weeks of repairs, the council said on Tuesday.</p>
<p>A ferry will run every half hour instead, and the buses will take the long way round.</p></article></body></html>`
	a, err := article.Parse([]byte(page), article.HTML, "bridge.html", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Byline)
	fmt.Println(len(a.Blocks), "blocks")
	// Output:
	// Bridge closes for repairs
	// Ana Ruiz
	// 2 blocks
}
