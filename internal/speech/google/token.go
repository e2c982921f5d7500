package google

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

// scope is what the access token is for.
const scope = "https://www.googleapis.com/auth/cloud-platform"

// serviceAccount is the part of a service account's JSON key file used here.
type serviceAccount struct {
	Type         string `json:"type"`
	ClientEmail  string `json:"client_email"`
	PrivateKeyID string `json:"private_key_id"`
	PrivateKey   string `json:"private_key"`
	TokenURI     string `json:"token_uri"`
}

// tokenSource trades a signed JWT for an access token (OAuth 2.0 JWT bearer
// grant, RFC 7523) and keeps it until a minute before it expires.
type tokenSource struct {
	sa     serviceAccount
	key    *rsa.PrivateKey
	client *http.Client
	now    func() time.Time

	mu      sync.Mutex
	tok     string
	expires time.Time
}

func newTokenSource(file string, client *http.Client) (*tokenSource, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("google: credentials: %w", err)
	}
	var sa serviceAccount
	if err := json.Unmarshal(data, &sa); err != nil {
		return nil, fmt.Errorf("google: credentials %s: %w", file, err)
	}
	if sa.Type != "service_account" || sa.ClientEmail == "" || sa.PrivateKey == "" {
		return nil, fmt.Errorf("google: credentials %s: not a service account key (type %q)", file, sa.Type)
	}
	if sa.TokenURI == "" {
		sa.TokenURI = "https://oauth2.googleapis.com/token"
	}
	if u, err := url.Parse(sa.TokenURI); err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("google: credentials %s: token_uri %q is not an http(s) URL", file, sa.TokenURI)
	}
	block, _ := pem.Decode([]byte(sa.PrivateKey))
	if block == nil {
		return nil, fmt.Errorf("google: credentials %s: private_key is not PEM", file)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("google: credentials %s: private_key: %w", file, err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("google: credentials %s: private_key is not an RSA key", file)
	}
	if client == nil {
		client = http.DefaultClient
	}
	return &tokenSource{sa: sa, key: rk, client: client, now: time.Now}, nil
}

// token returns a valid access token, fetching a new one when needed.
func (ts *tokenSource) token(ctx context.Context) (string, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	now := ts.now()
	if ts.tok != "" && now.Before(ts.expires.Add(-time.Minute)) {
		return ts.tok, nil
	}
	assertion, err := ts.jwt(now)
	if err != nil {
		return "", speech.Permanent(err)
	}
	form := url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {assertion}}
	req, err := http.NewRequest(http.MethodPost, ts.sa.TokenURI, strings.NewReader(form.Encode()))
	if err != nil {
		return "", speech.Permanent(fmt.Errorf("google: token: %w", err))
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	call := speech.Call{Backend: "google token", Client: ts.client, Secrets: []string{assertion}, ReadError: func(b []byte) (string, string) {
		var e struct {
			Error       string `json:"error"`
			Description string `json:"error_description"`
		}
		json.Unmarshal(b, &e)
		return e.Error, e.Description
	}}
	data, _, err := call.Do(ctx, req)
	if err != nil {
		return "", err
	}
	var ans struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.Unmarshal(data, &ans); err != nil || ans.AccessToken == "" {
		return "", fmt.Errorf("google: token: the answer of %s holds no access_token", ts.sa.TokenURI)
	}
	ts.tok, ts.expires = ans.AccessToken, now.Add(time.Duration(ans.ExpiresIn)*time.Second)
	return ts.tok, nil
}

// jwt is the signed assertion: RS256 over the header and claims.
func (ts *tokenSource) jwt(now time.Time) (string, error) {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	head := enc(map[string]string{"alg": "RS256", "typ": "JWT", "kid": ts.sa.PrivateKeyID})
	claims := enc(map[string]any{"iss": ts.sa.ClientEmail, "scope": scope, "aud": ts.sa.TokenURI,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
	sum := sha256.Sum256([]byte(head + "." + claims))
	sig, err := rsa.SignPKCS1v15(nil, ts.key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("google: signing the token request: %w", err)
	}
	return head + "." + claims + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}
