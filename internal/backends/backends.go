// Package backends is the one list of shipped plug-ins: it builds the speech
// registry that main hands down, and wraps a backend in the shared runner.
package backends

import (
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/azure"
	"github.com/aloud-dev/aloud/internal/speech/command"
	"github.com/aloud-dev/aloud/internal/speech/elevenlabs"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
	"github.com/aloud-dev/aloud/internal/speech/google"
	"github.com/aloud-dev/aloud/internal/speech/openai"
	"github.com/aloud-dev/aloud/internal/speech/piper"
	"github.com/aloud-dev/aloud/internal/speech/polly"
)

// Speech returns a registry with every shipped text-to-speech backend.
// enc encodes PCM from local engines to MP3.
func Speech(enc speech.Encoder) *speech.Registry {
	reg := speech.NewRegistry()
	reg.Register(espeak.NewFactory(enc))
	reg.Register(piper.NewFactory(enc))
	reg.Register(command.NewFactory(enc))
	reg.Register(polly.NewFactory())
	reg.Register(openai.NewFactory())
	reg.Register(elevenlabs.NewFactory())
	reg.Register(google.NewFactory())
	reg.Register(azure.NewFactory())
	return reg
}
