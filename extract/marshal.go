package extract

import (
	"encoding/json"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// UnmarshalJSON reads a candidate as json.Marshal writes it. It also reads
// the key "source", under which versions before the rename of Source to
// SpeakerText stored the span naming the speaker, so that stored stories,
// proposals and saved extractor output still load; the candidate is written
// back under "speaker_text". It returns an [*Error] for the field "source",
// wrapping [source.ErrInvalid], when a candidate has both keys with
// different spans, and json's errors for malformed JSON. On error the
// receiver is left unchanged. Linear in the length of b.
func (c *Candidate) UnmarshalJSON(b []byte) error {
	// plain has Candidate's fields without its methods, so that decoding
	// into it does not call UnmarshalJSON again.
	type plain Candidate
	var v struct {
		plain
		OldSpeakerText *claim.Span `json:"source"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if v.OldSpeakerText != nil {
		switch {
		case v.SpeakerText == (claim.Span{}):
			v.SpeakerText = *v.OldSpeakerText
		case v.SpeakerText != *v.OldSpeakerText:
			return fieldErr("source", v.OldSpeakerText.Exact, fmt.Errorf("%w: the old key of speaker_text %q, given both with different spans", source.ErrInvalid, v.SpeakerText.Exact))
		}
	}
	*c = Candidate(v.plain)
	return nil
}
