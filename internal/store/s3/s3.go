// Package s3 is a store on any S3-compatible service (AWS S3, MinIO,
// Cloudflare R2, Backblaze B2, DigitalOcean Spaces), through aws-sdk-go-v2
// and its transfer manager, with conditional writes for the catalog.
package s3

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	tmtypes "github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/aloud-dev/aloud/internal/store"
)

// Config names the bucket and how to reach it. Credentials come from the
// standard AWS chain (environment, shared config and profile, web identity,
// instance roles) unless static keys are given.
type Config struct {
	Bucket          string
	Prefix          string // folder inside the bucket, without slashes at the ends
	Region          string // default us-east-1 when nothing else says
	Endpoint        string // custom endpoint for S3-compatible services
	PathStyle       bool   // bucket in the path, not the host name (MinIO, most test servers)
	Profile         string
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	ACL             string // optional canned ACL, e.g. public-read
	PublicBaseURL   string // CDN or website URL of the prefix; links use it
	// MultipartThresholdBytes: larger bodies are uploaded in parts
	// (default 16 MiB); PartSizeBytes is the part size (default 8 MiB).
	MultipartThresholdBytes int64
	PartSizeBytes           int64
	MaxAttempts             int          // per request, retries included (default 5)
	HTTPClient              *http.Client // nil for one with the timeouts below
	// RequestTimeout is how long one attempt waits for the server to
	// connect and to begin its answer once the request is sent (default
	// 30 s); an attempt that runs out is retried. It does not limit how
	// long a body takes to send or read.
	RequestTimeout time.Duration
	// Deadline bounds one operation, its retries included (default 2
	// minutes, and for an upload one more second for each 100 KB, so a
	// slow link can still send a long episode).
	Deadline time.Duration
}

// Defaults of Config's limits.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultDeadline       = 2 * time.Minute
	// uploadFloor is the slowest upload, in bytes a second, that an
	// upload's deadline allows for.
	uploadFloor = 100_000
)

// Store is a prefix in a bucket.
type Store struct {
	cfg      Config
	client   *awss3.Client
	uploader *transfermanager.Client

	probeOnce sync.Once
	probeOK   bool
	probeErr  error
}

var _ store.Store = (*Store)(nil)

// New connects to the bucket. It does not make a request: the first
// operation reports unreachable endpoints or bad credentials.
func New(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Bucket == "" || strings.ContainsAny(cfg.Bucket, "/ ") {
		return nil, fmt.Errorf("s3 store: bucket %q is not a bucket name", cfg.Bucket)
	}
	cfg.Prefix = strings.Trim(cfg.Prefix, "/")
	if cfg.Prefix != "" {
		if err := store.ValidKey(cfg.Prefix); err != nil {
			return nil, fmt.Errorf("s3 store: prefix: %w", err)
		}
	}
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = 5
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.Deadline <= 0 {
		cfg.Deadline = DefaultDeadline
	}

	var opts []func(*config.LoadOptions) error
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	if cfg.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(cfg.Profile))
	}
	if cfg.AccessKeyID != "" {
		opts = append(opts, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(cfg.AccessKeyID, cfg.SecretAccessKey, cfg.SessionToken)))
	}
	if cfg.HTTPClient != nil {
		opts = append(opts, config.WithHTTPClient(cfg.HTTPClient))
	} else {
		opts = append(opts, config.WithHTTPClient(httpClient(cfg.RequestTimeout)))
	}
	opts = append(opts, config.WithRetryMaxAttempts(cfg.MaxAttempts))
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("s3 store: AWS configuration: %w", err)
	}
	if awsCfg.Region == "" {
		awsCfg.Region = "us-east-1"
	}
	client := awss3.NewFromConfig(awsCfg, func(o *awss3.Options) {
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		o.UsePathStyle = cfg.PathStyle
		// Only checksum when the operation requires it: S3-compatible
		// services differ in the newer checksum headers they accept.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
	up := transfermanager.New(client, func(o *transfermanager.Options) {
		if cfg.MultipartThresholdBytes > 0 {
			o.MultipartUploadThreshold = cfg.MultipartThresholdBytes
		}
		if cfg.PartSizeBytes > 0 {
			o.PartSizeBytes = cfg.PartSizeBytes
		}
	})
	return &Store{cfg: cfg, client: client, uploader: up}, nil
}

// httpClient is the SDK's client with every wait bounded: connecting,
// the TLS handshake, and the answer's first byte. A server that accepts
// the connection and never answers fails the attempt, which the SDK
// retries as a connection error.
func httpClient(timeout time.Duration) *awshttp.BuildableClient {
	return awshttp.NewBuildableClient().
		WithDialerOptions(func(d *net.Dialer) { d.Timeout = timeout }).
		WithTransportOptions(func(tr *http.Transport) {
			tr.TLSHandshakeTimeout = timeout
			tr.ResponseHeaderTimeout = timeout
			tr.ExpectContinueTimeout = min(timeout, time.Second)
		})
}

// bound gives one operation its deadline; size is the bytes it sends.
func (s *Store) bound(ctx context.Context, size int64) (context.Context, context.CancelFunc) {
	d := s.cfg.Deadline + time.Duration(size/uploadFloor)*time.Second
	return context.WithTimeout(ctx, d)
}

// late says what ran out when a wait ended an operation (its deadline,
// or every attempt's wait for an answer), so that the error names the
// limit and the endpoint, not only "timeout awaiting response headers".
func (s *Store) late(ctx, parent context.Context, err error) error {
	var ne net.Error
	timedOut := errors.As(err, &ne) && ne.Timeout()
	if parent.Err() != nil || (ctx.Err() == nil && !timedOut) {
		return err
	}
	where := s.cfg.Endpoint
	if where == "" {
		where = "S3"
	}
	return fmt.Errorf("%w (no answer from %s: up to %d attempts of %s each, %s in all; check the endpoint and the network, or raise s3.request_timeout or s3.deadline)",
		err, where, s.cfg.MaxAttempts, s.cfg.RequestTimeout, s.cfg.Deadline)
}

func (s *Store) objectKey(key string) (string, error) {
	if err := store.ValidKey(key); err != nil {
		return "", err
	}
	if s.cfg.Prefix == "" {
		return key, nil
	}
	return s.cfg.Prefix + "/" + key, nil
}

// hashMeta is the user metadata key holding the SHA-256 of the content, so
// that an unchanged object is not uploaded again whatever its ETag (a
// multipart ETag is not a hash of the content).
const hashMeta = "aloud-sha256"

// Put uploads body; an object whose content is already stored is left
// alone. Conditional puts send If-Match or If-None-Match: * and report a
// failed condition as store.ErrPrecondition.
func (s *Store) Put(ctx context.Context, key string, body io.ReadSeeker, meta store.Meta) error {
	k, err := s.objectKey(key)
	if err != nil {
		return err
	}
	h := sha256.New()
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	size, err := io.Copy(h, body)
	if err != nil {
		return fmt.Errorf("put %s: reading the body: %w", key, err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	parent := ctx
	ctx, cancel := s.bound(ctx, size)
	defer cancel()
	conditional := meta.IfMatch != "" || meta.IfAbsent
	if !conditional {
		if cur, err := s.head(ctx, k); err == nil && cur.Metadata[hashMeta] == sum && aws.ToInt64(cur.ContentLength) == size {
			return nil // idempotent: the same content is there
		} else if err != nil && !errors.Is(err, store.ErrNotExist) {
			return fmt.Errorf("put %s: %w", key, s.late(ctx, parent, err))
		}
	}
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	in := &transfermanager.UploadObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k), Body: body, ContentLength: aws.Int64(size),
		Metadata: map[string]string{hashMeta: sum},
	}
	ct := meta.ContentType
	if ct == "" {
		ct = store.ContentType(key)
	}
	in.ContentType = aws.String(ct)
	if meta.CacheControl != "" {
		in.CacheControl = aws.String(meta.CacheControl)
	}
	if s.cfg.ACL != "" {
		in.ACL = tmtypes.ObjectCannedACL(s.cfg.ACL)
	}
	if meta.IfMatch != "" {
		in.IfMatch = aws.String(meta.IfMatch)
	}
	if meta.IfAbsent {
		in.IfNoneMatch = aws.String("*")
	}
	if _, err := s.uploader.UploadObject(ctx, in); err != nil {
		if precondition(err) {
			return fmt.Errorf("put %s: %w", key, store.ErrPrecondition)
		}
		return fmt.Errorf("put %s: %w", key, s.late(ctx, parent, explain(err)))
	}
	return nil
}

// Get opens the object.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, store.Meta, error) {
	k, err := s.objectKey(key)
	if err != nil {
		return nil, store.Meta{}, err
	}
	parent := ctx
	ctx, cancel := s.bound(ctx, 0)
	out, err := s.client.GetObject(ctx, &awss3.GetObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k)})
	if err != nil {
		defer cancel()
		if notFound(err) {
			return nil, store.Meta{}, fmt.Errorf("%s: %w", key, store.ErrNotExist)
		}
		return nil, store.Meta{}, fmt.Errorf("get %s: %w", key, s.late(ctx, parent, explain(err)))
	}
	// The body is read within the same deadline; closing it ends it.
	body := &boundBody{ReadCloser: out.Body, cancel: cancel}
	return body, store.Meta{Key: key, Size: aws.ToInt64(out.ContentLength), ContentType: aws.ToString(out.ContentType),
		CacheControl: aws.ToString(out.CacheControl), ETag: aws.ToString(out.ETag), Modified: aws.ToTime(out.LastModified)}, nil
}

// boundBody is an answer's body read under its operation's deadline.
type boundBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *boundBody) Close() error {
	defer b.cancel()
	return b.ReadCloser.Close()
}

func (s *Store) head(ctx context.Context, k string) (*awss3.HeadObjectOutput, error) {
	parent := ctx
	ctx, cancel := s.bound(ctx, 0)
	defer cancel()
	out, err := s.client.HeadObject(ctx, &awss3.HeadObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k)})
	if err != nil {
		if notFound(err) {
			return nil, fmt.Errorf("%s: %w", k, store.ErrNotExist)
		}
		return nil, s.late(ctx, parent, explain(err))
	}
	return out, nil
}

// Stat describes the object.
func (s *Store) Stat(ctx context.Context, key string) (store.Meta, error) {
	k, err := s.objectKey(key)
	if err != nil {
		return store.Meta{}, err
	}
	out, err := s.head(ctx, k)
	if err != nil {
		if errors.Is(err, store.ErrNotExist) {
			return store.Meta{}, fmt.Errorf("%s: %w", key, store.ErrNotExist)
		}
		return store.Meta{}, fmt.Errorf("stat %s: %w", key, err)
	}
	return store.Meta{Key: key, Size: aws.ToInt64(out.ContentLength), ContentType: aws.ToString(out.ContentType),
		CacheControl: aws.ToString(out.CacheControl), ETag: aws.ToString(out.ETag), Modified: aws.ToTime(out.LastModified)}, nil
}

// Delete removes the object. S3 answers success for a missing key, so the
// store asks first, to report store.ErrNotExist as the contract says.
func (s *Store) Delete(ctx context.Context, key string) error {
	if _, err := s.Stat(ctx, key); err != nil {
		return err
	}
	k, _ := s.objectKey(key)
	parent := ctx
	ctx, cancel := s.bound(ctx, 0)
	defer cancel()
	if _, err := s.client.DeleteObject(ctx, &awss3.DeleteObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k)}); err != nil {
		return fmt.Errorf("delete %s: %w", key, s.late(ctx, parent, explain(err)))
	}
	return nil
}

// List yields the objects under the store's prefix whose keys start with
// prefix, in key order.
func (s *Store) List(ctx context.Context, prefix string) iter.Seq2[store.Meta, error] {
	return func(yield func(store.Meta, error) bool) {
		full := prefix
		if s.cfg.Prefix != "" {
			full = s.cfg.Prefix + "/" + prefix
		}
		p := awss3.NewListObjectsV2Paginator(s.client, &awss3.ListObjectsV2Input{Bucket: aws.String(s.cfg.Bucket), Prefix: aws.String(full)})
		for p.HasMorePages() {
			pageCtx, cancel := s.bound(ctx, 0)
			page, err := p.NextPage(pageCtx)
			if err != nil {
				err = s.late(pageCtx, ctx, explain(err))
				cancel()
				yield(store.Meta{}, fmt.Errorf("list %q: %w", prefix, err))
				return
			}
			cancel()
			for _, o := range page.Contents {
				key := aws.ToString(o.Key)
				if s.cfg.Prefix != "" {
					key = strings.TrimPrefix(key, s.cfg.Prefix+"/")
				}
				if !yield(store.Meta{Key: key, Size: aws.ToInt64(o.Size), ETag: aws.ToString(o.ETag), Modified: aws.ToTime(o.LastModified)}, nil) {
					return
				}
			}
		}
	}
}

// URL is the key under the public base URL, or else the object's address
// at the endpoint (virtual-hosted or path style, as configured).
func (s *Store) URL(key string) string {
	k := key
	if s.cfg.Prefix != "" {
		k = s.cfg.Prefix + "/" + key
	}
	if s.cfg.PublicBaseURL != "" {
		return store.JoinURL(s.cfg.PublicBaseURL, key)
	}
	esc := (&url.URL{Path: k}).EscapedPath()
	if s.cfg.Endpoint != "" {
		if s.cfg.PathStyle {
			return strings.TrimRight(s.cfg.Endpoint, "/") + "/" + s.cfg.Bucket + "/" + esc
		}
		if u, err := url.Parse(s.cfg.Endpoint); err == nil {
			u.Host = s.cfg.Bucket + "." + u.Host
			return strings.TrimRight(u.String(), "/") + "/" + esc
		}
	}
	region := s.cfg.Region
	if region == "" {
		region = "us-east-1"
	}
	return fmt.Sprintf("https://%s.s3.%s.amazonaws.com/%s", s.cfg.Bucket, region, esc)
}

// probePrefix starts the key where ConditionalWrites tries its two
// writes; a random suffix keeps runs probing at once (shards) apart.
const probePrefix = ".aloud/conditional-write-probe-"

// ConditionalWrites reports whether the server honours If-None-Match on
// PUT; AWS S3, MinIO and R2 do, some S3-compatible services ignore the
// header and overwrite. It asks once per Store: it writes a small probe
// object with If-None-Match: * twice (the second must fail with 412
// Precondition Failed) and deletes it. An answer of 200 to the second
// write means conditional writes are not enforced.
func (s *Store) ConditionalWrites(ctx context.Context) (bool, error) {
	s.probeOnce.Do(func() {
		parent := ctx
		ctx, cancel := s.bound(ctx, 0)
		defer cancel()
		var buf [8]byte
		rand.Read(buf[:])
		body := []byte(hex.EncodeToString(buf[:]))
		k, _ := s.objectKey(probePrefix + string(body))
		put := func() error {
			_, err := s.client.PutObject(ctx, &awss3.PutObjectInput{
				Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k), Body: bytes.NewReader(body),
				ContentLength: aws.Int64(int64(len(body))), IfNoneMatch: aws.String("*"),
			})
			return err
		}
		defer s.client.DeleteObject(context.WithoutCancel(ctx), &awss3.DeleteObjectInput{Bucket: aws.String(s.cfg.Bucket), Key: aws.String(k)})
		if err := put(); err != nil {
			s.probeErr = fmt.Errorf("probing conditional writes at %s: %w", k, s.late(ctx, parent, explain(err)))
			return
		}
		switch err := put(); {
		case err == nil:
			s.probeOK = false
		case precondition(err):
			s.probeOK = true
		default:
			s.probeErr = fmt.Errorf("probing conditional writes at %s: %w", k, explain(err))
		}
	})
	return s.probeOK, s.probeErr
}

func precondition(err error) bool {
	var ae smithy.APIError
	if errors.As(err, &ae) && (ae.ErrorCode() == "PreconditionFailed" || ae.ErrorCode() == "ConditionalRequestConflict") {
		return true
	}
	var re *smithyhttp.ResponseError
	return errors.As(err, &re) && (re.HTTPStatusCode() == http.StatusPreconditionFailed || re.HTTPStatusCode() == http.StatusConflict)
}

func notFound(err error) bool {
	var nsk *types.NoSuchKey
	var nf *types.NotFound
	if errors.As(err, &nsk) || errors.As(err, &nf) {
		return true
	}
	var re *smithyhttp.ResponseError
	return errors.As(err, &re) && re.HTTPStatusCode() == http.StatusNotFound
}

// explain adds what to do to the errors people meet first.
func explain(err error) error {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "NoSuchBucket":
			return fmt.Errorf("%w (create the bucket, or check the name and --s3-endpoint)", err)
		case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied":
			return fmt.Errorf("%w (check the credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the role)", err)
		}
	}
	return err
}
