package narrate

// Stage is a step of narrating one article.
type Stage string

// The stages, in order.
const (
	StageBatch      Stage = "batch" // the batch starts; Total is its number of articles
	StageRead       Stage = "read"
	StageScript     Stage = "script"
	StageSynthesize Stage = "synthesize"
	StageJoin       Stage = "join"
	StagePublish    Stage = "publish"
	StageDone       Stage = "done"
	StageFailed     Stage = "failed"
	StageSummary    Stage = "summary" // the batch is over; Summary is set
)

// Event is progress on one input. Done and Total count chunks during
// StageSynthesize; Result is set for StageDone and StageFailed (a skipped
// article is done with Result.Skipped).
type Event struct {
	Input   string
	Stage   Stage
	Done    int
	Total   int
	Result  *Result
	Summary *Summary
	Err     error
}

// Reporter receives events; it must be safe for concurrent use.
type Reporter interface {
	Report(Event)
}
