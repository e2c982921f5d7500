package textnorm_test

import (
	"fmt"

	"github.com/aloud-dev/aloud/internal/textnorm"
)

func ExampleNormalizer_Normalize() {
	en := textnorm.Normalizer{Language: "en"}
	fmt.Println(en.Normalize("It cost $12,345.67 on 5 May 2024."))
	de := textnorm.Normalizer{Language: "de"}
	fmt.Println(de.Normalize("Am 3. Mai um 08:00 Uhr."))
	// Output:
	// It cost twelve thousand three hundred and forty five dollars sixty seven cents on the fifth of May twenty twenty four.
	// Am dritten Mai um acht Uhr.
}
