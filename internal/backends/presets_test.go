package backends

import (
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/cache"
	"github.com/aloud-dev/aloud/voices"
)

// TestShippedPresets builds every built-in voice preset through the
// registry and the runner, with credentials in the environment, and checks
// that none of the credentials reaches the segment cache's key.
func TestShippedPresets(t *testing.T) {
	secrets := map[string]string{
		"OPENAI_API_KEY": "sk-secret-openai-1234", "ELEVENLABS_API_KEY": "secret-eleven-5678",
		"GOOGLE_API_KEY": "AIza-secret-google-9012", "AZURE_SPEECH_KEY": "secret-azure-3456",
		"AWS_ACCESS_KEY_ID": "AKIASECRET7890", "AWS_SECRET_ACCESS_KEY": "secret-aws-key-abcdef",
		"AZURE_SPEECH_REGION": "westeurope", "AWS_REGION": "eu-west-1",
	}
	for k, v := range secrets {
		t.Setenv(k, v)
	}
	reg := Speech(&mp3.Lame{})
	ps := speech.Presets{Embedded: voices.FS}
	want := []string{"en-azure", "en-command-espeak", "en-elevenlabs", "en-espeak", "en-google", "en-openai", "en-piper",
		"en-polly-generative", "en-polly-neural", "uk-azure"}
	names := ps.Names()
	for _, w := range want {
		if !strings.Contains(","+strings.Join(names, ",")+",", ","+w+",") {
			t.Errorf("no built-in preset %s", w)
		}
	}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			p, err := ps.Load(n)
			if err != nil {
				t.Fatal(err)
			}
			syn, err := reg.New(p)
			if err != nil {
				t.Fatal(err)
			}
			syn = Runner(syn, nil)
			l := syn.Limits()
			if l.MaxChars < 1000 || l.Concurrency < 1 || len(l.Formats) == 0 {
				t.Errorf("limits %+v", l)
			}
			if (p.PricePerMillionChars > 0) != (l.Billing != speech.Free) {
				t.Errorf("price %v but billing %v", p.PricePerMillionChars, l.Billing)
			}
			id, err := cache.Identity(p, "48")
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range secrets {
				if strings.Contains(id, v) {
					t.Errorf("the cache identity holds %s", k)
				}
			}
		})
	}
}
