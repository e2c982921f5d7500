// Package backends is the one list of shipped plug-ins: it builds the speech
// registry that main hands down.
package backends

import (
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
)

// Speech returns a registry with every shipped text-to-speech backend.
// enc encodes PCM from local engines to MP3.
func Speech(enc speech.Encoder) *speech.Registry {
	reg := speech.NewRegistry()
	reg.Register(espeak.NewFactory(enc))
	return reg
}
