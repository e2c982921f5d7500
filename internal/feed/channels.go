package feed

import (
	"fmt"

	"github.com/aloud-dev/aloud/internal/config"
)

// Channels turns the configured feeds into channels, checking each
// category against Apple's list; an error names the feed's setting.
func Channels(cfg config.Config) ([]Channel, error) {
	var out []Channel
	for i, f := range cfg.FeedList() {
		name := "feed"
		if len(cfg.Feeds) > 0 {
			name = fmt.Sprintf("feeds.%d", i)
		}
		if err := CheckCategory(f.Category, f.Subcategory); err != nil {
			return nil, fmt.Errorf("%s.category: %w", name, err)
		}
		out = append(out, Channel{
			Key: f.Key, Title: f.Title, Description: f.Description, Link: f.Link, Language: f.Language,
			Author: f.Author, OwnerName: f.OwnerName, OwnerEmail: f.OwnerEmail, ImageURL: f.Image,
			Category: f.Category, Subcategory: f.Subcategory, Explicit: f.Explicit, Locked: f.Locked,
			MaxItems: f.MaxItems, Match: Match{Language: f.Match.Language, Section: f.Match.Section, Kind: f.Match.Kind},
		})
	}
	return out, nil
}
