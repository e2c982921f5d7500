// Package voices ships the built-in voice presets (*.yaml) and pronunciation
// lexicons (lexicons/*.pls) inside the aloud binary.
package voices

import "embed"

// FS holds the built-in presets at its root.
//
//go:embed *.yaml
var FS embed.FS
