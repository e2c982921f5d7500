// Package polly speaks through Amazon Polly with the AWS SDK: the standard,
// neural, long-form and generative engines, SSML, stored lexicons and
// speech marks. Credentials, region and endpoint come from the standard
// AWS chain (environment, shared config, SSO, instance roles), including
// AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_POLLY.
package polly

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/polly"
	"github.com/aws/aws-sdk-go-v2/service/polly/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the polly backend's part of a voice preset.
type Config struct {
	Voice        string   `yaml:"voice"`          // a Polly voice id, e.g. Joanna, Ruth, Matthew
	Engine       string   `yaml:"engine"`         // standard, neural, long-form or generative
	Language     string   `yaml:"language"`       // for bilingual voices, e.g. en-IN; empty for the voice's own
	SampleRateHz int      `yaml:"sample_rate_hz"` // 8000, 16000, 22050 or 24000; 0 for the engine's default
	Lexicons     []string `yaml:"lexicons"`       // names of lexicons stored in Polly (PutLexicon), at most 5
	// SpeechMarks asks for word and sentence timings with a second request
	// (speech marks are billed like the audio).
	SpeechMarks bool   `yaml:"speech_marks"`
	Region      string `yaml:"region"`   // default from the AWS chain
	Profile     string `yaml:"profile"`  // a shared-config profile
	Endpoint    string `yaml:"endpoint"` // a custom endpoint; AWS_ENDPOINT_URL_POLLY works too
	// Concurrency and RequestsPerSecond default to Polly's quotas for the
	// engine: 80 requests a second for standard, 8 for the others.
	Concurrency       int          `yaml:"concurrency"`
	RequestsPerSecond float64      `yaml:"requests_per_second"`
	Client            *http.Client `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{Voice: "Joanna", Engine: "neural"}
}

// maxBilled is the most billed characters (SSML tags aside) SynthesizeSpeech
// takes; maxTotal the most characters in all.
const (
	maxBilled = 3000
	maxTotal  = 6000
)

var rates = []int{8000, 16000, 22050, 24000}

func (c Config) validate() error {
	switch {
	case c.Voice == "" || strings.ContainsAny(c.Voice, " /"):
		return fmt.Errorf("polly: voice %q is not a Polly voice id", c.Voice)
	case !slices.Contains(types.Engine("").Values(), types.Engine(c.Engine)):
		return fmt.Errorf("polly: engine %q is not one of standard, neural, long-form, generative", c.Engine)
	case c.SampleRateHz != 0 && !slices.Contains(rates, c.SampleRateHz):
		return fmt.Errorf("polly: sample_rate_hz %d is not one of %v", c.SampleRateHz, rates)
	case len(c.Lexicons) > 5:
		return fmt.Errorf("polly: %d lexicons, at most 5 apply to a request", len(c.Lexicons))
	case c.Concurrency < 0 || c.RequestsPerSecond < 0:
		return errors.New("polly: concurrency and requests_per_second must not be negative")
	case c.Endpoint != "":
		return speech.CheckURL("polly", "endpoint", c.Endpoint)
	}
	return nil
}

type pollySynth struct {
	cfg    Config
	client *polly.Client
}

var (
	_ speech.Synthesizer = (*pollySynth)(nil)
	_ speech.VoiceLister = (*pollySynth)(nil)
)

// New checks the configuration and builds the SDK client. The SDK's own
// retries are off: the shared runner retries, once for everything.
func New(ctx context.Context, cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = 8
	}
	if cfg.RequestsPerSecond == 0 {
		cfg.RequestsPerSecond = 8
		if cfg.Engine == string(types.EngineStandard) {
			cfg.RequestsPerSecond = 80
		}
	}
	// The SDK's own log lines (a warning when the instance metadata
	// service refuses a token, say) would reach the user raw; what goes
	// wrong reaches them as an error instead.
	opts := []func(*config.LoadOptions) error{config.WithRetryMaxAttempts(1), config.WithLogger(logging.Nop{})}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	if cfg.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(cfg.Profile))
	}
	if cfg.Client != nil {
		opts = append(opts, config.WithHTTPClient(cfg.Client))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("polly: AWS configuration: %w", err)
	}
	if awsCfg.Region == "" {
		awsCfg.Region = "us-east-1"
	}
	if awsCfg.Credentials != nil {
		awsCfg.Credentials = credentialsOrHint{awsCfg.Credentials}
	}
	client := polly.NewFromConfig(awsCfg, func(o *polly.Options) {
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		o.HTTPClient = wholeBodies{o.HTTPClient}
	})
	return &pollySynth{cfg: cfg, client: client}, nil
}

// wholeBodies sends each request's body from memory. The SDK hands net/http
// a body whose WriteTo, once the SDK has closed it, reports io.EOF as an
// error; net/http reads a body once more after sending it, so when the
// service has already answered and the SDK has closed the body (a fast
// service on loopback: about one request in a thousand in the tests), that
// read fails the request's "write", and net/http closes the connection
// under the audio being read ("use of closed network connection"). Polly's
// requests are a few kilobytes of JSON; from a bytes.Reader the late read
// ends cleanly.
type wholeBodies struct{ next polly.HTTPClient }

func (w wholeBodies) Do(r *http.Request) (*http.Response, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return w.next.Do(r)
	}
	data, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the request body: %w", err)
	}
	r = r.Clone(r.Context())
	r.Body = io.NopCloser(bytes.NewReader(data))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	r.ContentLength = int64(len(data))
	return w.next.Do(r)
}

func (p *pollySynth) Name() string { return "polly" }

func (p *pollySynth) Limits() speech.Limits {
	return speech.Limits{MaxChars: maxBilled, SSML: true, Phonemes: true, Marks: p.cfg.SpeechMarks, Formats: []speech.Format{speech.MP3},
		Billing: speech.PerTextChar, Concurrency: p.cfg.Concurrency, RatePerSecond: p.cfg.RequestsPerSecond}
}

func (p *pollySynth) input(r speech.Request, format types.OutputFormat) *polly.SynthesizeSpeechInput {
	in := &polly.SynthesizeSpeechInput{
		Text: aws.String(r.Text), VoiceId: types.VoiceId(p.cfg.Voice), Engine: types.Engine(p.cfg.Engine),
		OutputFormat: format, TextType: types.TextTypeText, LexiconNames: p.cfg.Lexicons,
	}
	if r.SSML {
		in.TextType = types.TextTypeSsml
	}
	if p.cfg.Language != "" {
		in.LanguageCode = types.LanguageCode(p.cfg.Language)
	}
	if p.cfg.SampleRateHz != 0 {
		in.SampleRate = aws.String(strconv.Itoa(p.cfg.SampleRateHz))
	}
	return in
}

// Synthesize asks Polly for the chunk's MP3 and, with SpeechMarks, its
// word and sentence marks.
func (p *pollySynth) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("polly: empty text"))
	}
	billed := p.Limits().Billed(r)
	if billed > maxBilled || utf8.RuneCountInString(r.Text) > maxTotal {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("polly: %d billed characters, more than the %d a request takes", billed, maxBilled))
	}
	if err := ctx.Err(); err != nil {
		return speech.Audio{}, err
	}
	out, err := p.client.SynthesizeSpeech(ctx, p.input(r, types.OutputFormatMp3))
	if err != nil {
		return speech.Audio{}, classify(ctx, err)
	}
	defer out.AudioStream.Close()
	data, err := io.ReadAll(io.LimitReader(out.AudioStream, speech.MaxAudioBytes+1))
	if err != nil {
		return speech.Audio{}, classify(ctx, fmt.Errorf("reading the audio: %w: %w", speech.ErrBadAudio, err))
	}
	if ct := aws.ToString(out.ContentType); ct != "audio/mpeg" || len(data) == 0 {
		return speech.Audio{}, fmt.Errorf("polly: %w: %d bytes of %q", speech.ErrBadAudio, len(data), ct)
	}
	a := speech.Audio{Format: speech.MP3, Data: data}
	if p.cfg.SpeechMarks {
		in := p.input(r, types.OutputFormatJson)
		in.SpeechMarkTypes = []types.SpeechMarkType{types.SpeechMarkTypeSentence, types.SpeechMarkTypeWord}
		in.SampleRate = nil
		mout, err := p.client.SynthesizeSpeech(ctx, in)
		if err != nil {
			return speech.Audio{}, classify(ctx, err)
		}
		defer mout.AudioStream.Close()
		if a.Marks, err = readMarks(io.LimitReader(mout.AudioStream, 16<<20)); err != nil {
			return speech.Audio{}, fmt.Errorf("polly: speech marks: %w", err)
		}
	}
	return a, nil
}

// readMarks reads speech marks: one JSON object per line, time in ms.
func readMarks(r io.Reader) ([]speech.Mark, error) {
	var marks []speech.Mark
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var m struct {
			Time  int64  `json:"time"`
			Type  string `json:"type"`
			Value string `json:"value"`
		}
		if err := json.Unmarshal(line, &m); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if m.Time < 0 || (m.Type != "word" && m.Type != "sentence") {
			continue
		}
		marks = append(marks, speech.Mark{Kind: m.Type, Offset: time.Duration(m.Time) * time.Millisecond, Text: m.Value})
	}
	return marks, sc.Err()
}

// Voices lists Polly's voices for the engine and a language (DescribeVoices).
func (p *pollySynth) Voices(ctx context.Context, language string) ([]speech.Voice, error) {
	in := &polly.DescribeVoicesInput{Engine: types.Engine(p.cfg.Engine)}
	if language != "" {
		in.LanguageCode = types.LanguageCode(language)
	}
	var out []speech.Voice
	for {
		res, err := p.client.DescribeVoices(ctx, in)
		if err != nil {
			return nil, classify(ctx, err)
		}
		for _, v := range res.Voices {
			var engines []string
			for _, e := range v.SupportedEngines {
				engines = append(engines, string(e))
			}
			out = append(out, speech.Voice{ID: string(v.Id), Name: aws.ToString(v.Name), Language: string(v.LanguageCode),
				Gender: strings.ToLower(string(v.Gender)), Detail: "engines: " + strings.Join(engines, ", ")})
		}
		if res.NextToken == nil {
			return out, nil
		}
		in.NextToken = res.NextToken
	}
}

// permanentCodes are Polly's errors that no retry can fix.
var permanentCodes = []string{
	"InvalidSsmlException", "TextLengthExceededException", "LexiconNotFoundException", "InvalidSampleRateException",
	"LanguageNotSupportedException", "EngineNotSupportedException", "MarksNotSupportedForFormatException",
	"SsmlMarksNotSupportedForTextTypeException", "ValidationException", "InvalidParameterException",
	"UnrecognizedClientException", "InvalidSignatureException", "AccessDeniedException", "ExpiredTokenException",
	"IncompleteSignature", "MissingAuthenticationToken",
}

// classify turns the SDK's error into the runner's kinds: Polly answers a
// throttled request with HTTP 400 and ThrottlingException, so the code
// decides, not the status.
func classify(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		status, wait := 0, time.Duration(0)
		var re *awshttp.ResponseError
		if errors.As(err, &re) {
			status = re.HTTPStatusCode()
			if re.Response != nil {
				wait = speech.RetryAfter(re.Response.Header, time.Now())
			}
		}
		se := &speech.StatusError{Backend: "polly", Status: status, Code: api.ErrorCode(), Message: api.ErrorMessage()}
		switch {
		case api.ErrorCode() == "ThrottlingException" || status == http.StatusTooManyRequests:
			return &speech.RateLimitError{RetryAfter: wait, Err: se}
		case slices.Contains(permanentCodes, api.ErrorCode()):
			return speech.Permanent(se)
		}
		return se
	}
	var ce *speech.CredentialsError
	if errors.As(err, &ce) {
		return ce
	}
	return fmt.Errorf("polly: %w", err)
}

// credentialsOrHint is the AWS credential chain, with its failure to find
// any turned into a *speech.CredentialsError that says what to set.
type credentialsOrHint struct{ aws.CredentialsProvider }

func (c credentialsOrHint) Retrieve(ctx context.Context) (aws.Credentials, error) {
	v, err := c.CredentialsProvider.Retrieve(ctx)
	if err != nil && ctx.Err() == nil {
		return v, &speech.CredentialsError{Backend: "polly",
			How: "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (a profile in ~/.aws/config), " +
				"or run where an instance or task role applies",
			Err: err}
	}
	return v, err
}

// NewFactory returns the registry entry for polly.
func NewFactory() speech.Factory {
	return speech.NewFactory("polly", NewConfig, func(c Config) (speech.Synthesizer, error) {
		return New(context.Background(), c)
	})
}
