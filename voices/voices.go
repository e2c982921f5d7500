// Package voices ships the built-in voice presets (*.yaml) and pronunciation
// lexicons (lexicons/*.pls) inside the aloud binary.
package voices

import "embed"

// FS holds the built-in presets at its root and the lexicons under
// lexicons/.
//
//go:embed *.yaml lexicons/*.pls
var FS embed.FS
